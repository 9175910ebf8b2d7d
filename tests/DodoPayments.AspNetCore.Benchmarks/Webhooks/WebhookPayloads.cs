using System.Text;

namespace DodoPayments.AspNetCore.Benchmarks.Webhooks;

/// <summary>Realistic <c>payment.succeeded</c> bodies padded to a size.</summary>
internal static class WebhookPayloads
{
    public static string PaymentSucceeded(int size)
    {
        const string Head = """{"business_id":"bus_P7mJx2","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00.123456Z","data":{"payload_type":"Payment","payment_id":"pay_2IjeQm4hqU6RA4Z4kwDee","business_id":"bus_P7mJx2","brand_id":"bus_P7mJx2","created_at":"2026-01-15T11:59:58.000000Z","status":"succeeded","total_amount":2599,"currency":"USD","settlement_amount":2599,"settlement_currency":"USD","tax":0,"customer":{"customer_id":"cus_8VbC6JDZzPEqfBPUdpj0K","email":"ann@example.com","name":"Ann Example"},"billing":{"country":"US","zipcode":"94105"},"product_cart":[{"product_id":"pdt_7X2Qz","quantity":1}],"subscription_id":null,"discounts":[],"refunds":[],"disputes":[],"payment_method":"card","payment_method_type":"credit","card_last_four":"4242","card_network":"VISA","card_type":"CREDIT","invoice_id":"inv_123","error_code":null,"error_message":null,"digital_products_delivered":false,"is_update_payment_method":false,"retry_attempt":0,"payment_provider":"stripe","metadata":{"order_id":"ord_1001","padding":""";
        const string Tail = "\"}}}";
        var padding = Math.Max(0, size - Encoding.UTF8.GetByteCount(Head) - 1 - Tail.Length);
        return Head + "\"" + new string('x', padding) + Tail;
    }
}
