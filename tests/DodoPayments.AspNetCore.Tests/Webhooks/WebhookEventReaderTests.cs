using System.Text;
using System.Text.Json;
using DodoPayments.AspNetCore.Webhooks;
using DodoPayments.AspNetCore.Webhooks.Internal;

namespace DodoPayments.AspNetCore.Tests.Webhooks;

public sealed class WebhookEventReaderTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_NewFieldsAndNewEnumValues_AreKeptNotRefused()
    {
        // Arrange
        var body = """
            {"business_id":"bus_1","type":"subscription.on_hold","timestamp":"2026-01-15T12:00:00Z","new_envelope_field":true,
             "data":{"payload_type":"Subscription","subscription_id":"sub_1","status":"grace_period","payment_frequency_interval":"Fortnight",
                     "brand_new_object":{"deep":[1,{"x":null}]},"quantity":2}}
            """;

        // Act
        var result = Read(body);

        // Assert
        Assert.Equal(WebhookReadFailure.None, result.Failure);
        var webhookEvent = Assert.IsType<SubscriptionOnHoldEvent>(result.Event);
        Assert.Equal("grace_period", webhookEvent.Data.Status);
        Assert.Equal("Fortnight", webhookEvent.Data.PaymentFrequencyInterval);
        Assert.Equal(2, webhookEvent.Data.Quantity);
        Assert.Equal(JsonValueKind.Array, webhookEvent.RawData.GetProperty("brand_new_object").GetProperty("deep").ValueKind);
    }

    [Fact]
    public void Read_AmountsAsStringsAndStringsAsNumbers_AreAccepted()
    {
        // Arrange
        var payment = """{"type":"payment.succeeded","data":{"payment_id":"pay_1","total_amount":"1999","tax":"0","retry_attempt":"1","currency":"EUR"}}""";
        var dispute = """{"type":"dispute.opened","data":{"dispute_id":"dsp_1","amount":1999,"currency":"EUR"}}""";
        var credit = """{"type":"credit.added","data":{"id":"cle_1","amount":12.5,"balance_after":"100.5","is_credit":true,"metadata":{"plan":"pro","seats":3,"flag":false}}}""";

        // Act
        var paymentEvent = Assert.IsType<PaymentSucceededEvent>(Read(payment).Event);
        var disputeEvent = Assert.IsType<DisputeOpenedEvent>(Read(dispute).Event);
        var creditEvent = Assert.IsType<CreditAddedEvent>(Read(credit).Event);

        // Assert
        Assert.Equal(1999, paymentEvent.Data.TotalAmount);
        Assert.Equal(0, paymentEvent.Data.Tax);
        Assert.Equal(1, paymentEvent.Data.RetryAttempt);
        Assert.Equal("1999", disputeEvent.Data.Amount);
        Assert.Equal("12.5", creditEvent.Data.Amount);
        Assert.Equal("100.5", creditEvent.Data.BalanceAfter);
        Assert.Equal("3", creditEvent.Data.Metadata["seats"]);
        Assert.Equal("false", creditEvent.Data.Metadata["flag"]);
    }

    [Fact]
    public void Read_OnlyTheIdPresent_LeavesOptionalFieldsEmpty()
    {
        // Arrange
        var body = """{"type":"payment.failed","data":{"payment_id":"pay_1"}}""";

        // Act
        var result = Read(body);

        // Assert
        var webhookEvent = Assert.IsType<PaymentFailedEvent>(result.Event);
        Assert.Equal("pay_1", webhookEvent.Data.PaymentId);
        Assert.Null(webhookEvent.Data.Status);
        Assert.Empty(webhookEvent.Data.Refunds);
        Assert.Empty(webhookEvent.Data.Metadata);
        Assert.Null(webhookEvent.Data.Customer.CustomerId);
        Assert.Equal(string.Empty, webhookEvent.BusinessId);
        Assert.Equal(SentAt, webhookEvent.Timestamp);
    }

    [Fact]
    public void Read_PayoutWithoutPayloadType_IsReadAsPayout()
    {
        // Arrange
        var body = """{"business_id":"bus_1","type":"payout.success","timestamp":"2026-01-15T10:00:00+02:00","data":{"payout_id":"pout_1","amount":500000,"status":"success","currency":"USD"}}""";

        // Act
        var result = Read(body);

        // Assert
        var webhookEvent = Assert.IsType<PayoutSuccessEvent>(result.Event);
        Assert.Equal(500000, webhookEvent.Data.Amount);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), webhookEvent.Timestamp);
    }

    [Fact]
    public void Read_FullPayment_MapsTheDocumentedFields()
    {
        // Arrange
        var body = """
            {"business_id":"bus_1","type":"payment.succeeded","timestamp":"2026-01-15T12:00:00Z","data":{
              "payload_type":"Payment","payment_id":"pay_1","business_id":"bus_1","brand_id":"br_1","created_at":"2026-01-15T11:59:00Z",
              "status":"succeeded","total_amount":2500,"currency":"USD","settlement_amount":2400,"settlement_currency":"USD","tax":100,
              "customer":{"customer_id":"cus_1","email":"a@example.com","name":"A","phone_number":null},
              "billing":{"country":"US","zipcode":"94105"},"metadata":{"order_id":"o_1"},
              "product_cart":[{"product_id":"pdt_1","quantity":2}],"subscription_id":null,"refunds":[],"disputes":[],
              "card_last_four":"4242","custom_field_responses":[{"key":"company","value":"ACME"}],
              "digital_products_delivered":false,"is_update_payment_method":false,"retry_attempt":0,"payment_provider":"stripe"}}
            """;

        // Act
        var payment = Assert.IsType<PaymentSucceededEvent>(Read(body).Event).Data;

        // Assert
        Assert.Equal("br_1", payment.BrandId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 11, 59, 0, TimeSpan.Zero), payment.CreatedAt);
        Assert.Equal(2400, payment.SettlementAmount);
        Assert.Equal("cus_1", payment.Customer.CustomerId);
        Assert.Equal("US", payment.Billing?.Country);
        Assert.Equal("o_1", payment.Metadata["order_id"]);
        Assert.Equal(2, Assert.Single(payment.ProductCart).Quantity);
        Assert.Equal("ACME", Assert.Single(payment.CustomFieldResponses).Value);
        Assert.Equal("4242", payment.CardLastFour);
        Assert.Equal("stripe", payment.PaymentProvider);
    }

    [Theory]
    [InlineData("not json", nameof(WebhookReadFailure.NotJson))]
    [InlineData("", nameof(WebhookReadFailure.NotJson))]
    [InlineData("\"a string\"", nameof(WebhookReadFailure.NotAnObject))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1"}} trailing""", nameof(WebhookReadFailure.NotJson))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1"}}}""", nameof(WebhookReadFailure.NotJson))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1"},"extra":[1,""", nameof(WebhookReadFailure.NotJson))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1"}}{"type":"refund.failed"}""", nameof(WebhookReadFailure.NotJson))]
    [InlineData("{}", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"data":{"x":1}}""", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"type":null,"data":{"x":1}}""", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"type":42,"data":{"x":1}}""", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"type":{"name":"payment.succeeded"},"data":{"payment_id":"pay_1"}}""", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"type":"","data":{"x":1}}""", nameof(WebhookReadFailure.TypeMissing))]
    [InlineData("""{"type":"refund.failed"}""", nameof(WebhookReadFailure.DataNotAnObject))]
    [InlineData("""{"type":"refund.failed","data":null}""", nameof(WebhookReadFailure.DataNotAnObject))]
    [InlineData("""{"type":"refund.failed","data":[{"refund_id":"ref_1"}]}""", nameof(WebhookReadFailure.DataNotAnObject))]
    [InlineData("""{"type":"refund.failed","data":{"payment_id":"pay_1"}}""", nameof(WebhookReadFailure.DataWithoutId))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":null}}""", nameof(WebhookReadFailure.DataWithoutId))]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1","is_partial":"maybe"}}""", nameof(WebhookReadFailure.DataUnreadable))]
    public void Read_BodyThatCannotBeAnEvent_SaysWhy(string body, string expected)
    {
        // Arrange, Act
        var result = Read(body);

        // Assert
        Assert.Null(result.Event);
        Assert.Equal(Enum.Parse<WebhookReadFailure>(expected), result.Failure);
    }

    [Theory]
    [InlineData("""{"business_id":"bus_1","type":"refund.failed","timestamp":"2026-01-15T11:59:58Z","data":{"refund_id":"ref_1","extra":"kept"}}""", "ref_1", "bus_1", "2026-01-15T11:59:58Z")]
    [InlineData("""{"data":{"refund_id":"ref_1","extra":"kept"},"timestamp":"2026-01-15T11:59:58Z","type":"refund.failed","business_id":"bus_1"}""", "ref_1", "bus_1", "2026-01-15T11:59:58Z")]
    [InlineData("""{"type":"something.new","type":"refund.failed","data":{"refund_id":"ref_0"},"data":{"refund_id":"ref_1","extra":"kept"}}""", "ref_1", "", "2026-01-15T12:00:00Z")]
    [InlineData("""{"business_id":7,"type":"refund.failed","timestamp":1768478400,"data":{"refund_id":"ref_1","extra":"kept"}}""", "ref_1", "", "2026-01-15T12:00:00Z")]
    [InlineData("""{"business_id":"bus_0","business_id":"bus_1","timestamp":"2000-01-01T00:00:00Z","timestamp":"2026-01-15T11:59:58Z","type":"refund.failed","data":{"refund_id":"ref_1","extra":"kept"}}""", "ref_1", "bus_1", "2026-01-15T11:59:58Z")]
    [InlineData("""{ /* Dodo */ "type" : "refund.failed", "other": {"a":[1,2,{}]}, "data" : { "refund_id" : "ref_1", "extra":"kept", }, }""", "ref_1", "", "2026-01-15T12:00:00Z")]
    [InlineData("{\"type\":\"refund.failed\",\"data\":{\"refund_id\":\"ref_1\", // a note\n\"extra\":\"kept\"}}", "ref_1", "", "2026-01-15T12:00:00Z")]
    [InlineData("""{"type":"refund.failed","data":{"refund_id":"ref_1","extra":"kept",},"business_id":"bus_1",}""", "ref_1", "bus_1", "2026-01-15T12:00:00Z")]
    [InlineData("""{"type":"refund.f\u0061iled","d\u0061ta":{"refund_id":"ref_1","extra":"kept"}}""", "ref_1", "", "2026-01-15T12:00:00Z")]
    public void Read_EnvelopeInAnyOrderWithRepeatedFieldsCommentsOrEscapes_IsReadWithTheLastOfEachField(string body, string refundId, string businessId, string timestamp)
    {
        // Arrange, Act
        var result = Read(body);

        // Assert
        var refund = Assert.IsType<RefundFailedEvent>(result.Event);
        Assert.Equal(WebhookReadFailure.None, result.Failure);
        Assert.Equal("refund.failed", refund.Type);
        Assert.Equal(refundId, refund.Data.RefundId);
        Assert.Equal(businessId, refund.BusinessId);
        Assert.Equal(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), refund.Timestamp);
        Assert.Equal("kept", refund.RawData.GetProperty("extra").GetString());
        Assert.Equal(refundId, refund.RawData.GetProperty("refund_id").GetString());
    }

    [Theory]
    [InlineData("""{"type":"something.new","data":{"x":1}}""", "something.new")]
    [InlineData("""{"type":"something.new","data":"text"}""", "something.new")]
    [InlineData("""{"type":"something.new"}""", "something.new")]
    public void Read_UnknownType_IsAnUnknownEventWithTheUnknownTypeDescriptor(string body, string type)
    {
        // Arrange, Act
        var result = Read(body);

        // Assert
        var unknown = Assert.IsType<UnknownWebhookEvent>(result.Event);
        Assert.Equal(type, unknown.Type);
        Assert.Equal(unknown.RawData.ValueKind, unknown.Data.ValueKind);
        Assert.Same(UnknownWebhookEventDescriptor.Instance, result.Descriptor);
    }

    [Theory]
    [InlineData(256, nameof(WebhookReadFailure.None))]
    [InlineData(257, nameof(WebhookReadFailure.IdTooLong))]
    [InlineData(10_000, nameof(WebhookReadFailure.IdTooLong))]
    public void Read_WebhookIdLength_IsRefusedAbove256Characters(int length, string expected)
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"type":"payment.succeeded","data":{"payment_id":"pay_1"}}""");

        // Act
        var result = WebhookEventReader.Read(body, new string('m', length), SentAt);

        // Assert
        Assert.Equal(Enum.Parse<WebhookReadFailure>(expected), result.Failure);
    }

    [Fact]
    public void Read_RawData_OutlivesTheBodyBuffer()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes("""{"type":"license_key.created","data":{"id":"lic_1","key":"ABC","extra":"kept"}}""");
        var result = WebhookEventReader.Read(bytes, "msg_1", SentAt);

        // Act
        Array.Clear(bytes);

        // Assert
        var webhookEvent = Assert.IsType<LicenseKeyCreatedEvent>(result.Event);
        Assert.Equal("kept", webhookEvent.RawData.GetProperty("extra").GetString());
        Assert.Equal("ABC", webhookEvent.Data.Key);
    }

    private static WebhookEventReader.Result Read(string body) => WebhookEventReader.Read(Encoding.UTF8.GetBytes(body), "msg_1", SentAt);
}
