namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>The secret both sides of the load run share, and the delivery each request carries.</summary>
internal static class LoadSettings
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>A Dodo-shaped <c>payment.succeeded</c> of about 1.2 KB, unique by its payment id.</summary>
    public static string PaymentSucceeded(string id) =>
        $$$"""{"business_id":"bus_load","type":"payment.succeeded","timestamp":"2026-11-30T12:00:00Z","data":{"payload_type":"Payment","payment_id":"pay_{{{id}}}","business_id":"bus_load","brand_id":"bus_load","created_at":"2026-11-30T11:59:58Z","updated_at":null,"status":"succeeded","total_amount":2599,"currency":"USD","settlement_amount":2599,"settlement_currency":"USD","tax":234,"settlement_tax":234,"customer":{"customer_id":"cus_0123456789","email":"ada@example.com","name":"Ada Lovelace","phone_number":null,"metadata":{}},"billing":{"country":"US","street":"1 Main St","city":"Springfield","state":"IL","zipcode":"62701"},"metadata":{"order_id":"ord_42","user_id":"user_7"},"product_cart":[{"product_id":"pdt_pro_monthly","quantity":1}],"subscription_id":"sub_0123456789","checkout_session_id":"cks_0123456789","discounts":[],"refunds":[],"disputes":[],"payment_method":"card","payment_method_type":"credit","card_last_four":"4242","card_network":"VISA","card_type":"CREDIT","card_issuing_country":"US","card_holder_name":"Ada Lovelace","payment_link":null,"invoice_id":"inv_0123456789","invoice_url":null,"error_code":null,"error_message":null,"custom_field_responses":[],"digital_products_delivered":false,"is_update_payment_method":false,"retry_attempt":0,"payment_provider":"stripe"}}""";
}
