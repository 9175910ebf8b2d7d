using System.Text.Json.Nodes;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>A customer the stand-in knows.</summary>
internal sealed record StandInCustomer(string CustomerId, string Email, string Name);

/// <summary>A subscription the stand-in knows; its plan changes.</summary>
internal sealed class StandInSubscription(string subscriptionId, string customerId, DateTimeOffset createdAt)
{
    public string SubscriptionId { get; } = subscriptionId;

    public string CustomerId { get; } = customerId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public required string ProductId { get; set; }

    public int Quantity { get; set; } = 1;

    public string Status { get; set; } = "active";

    public string? ScheduledProductId { get; set; }

    /// <summary>The merchant's metadata from the checkout that started it; Dodo sends it with the subscription's events.</summary>
    public JsonObject? Metadata { get; set; }
}

/// <summary>What a checkout created: a checkout session, a one-time payment link or a subscription's payment link.</summary>
internal enum StandInCheckoutKind
{
    Session,
    Payment,
    Subscription,
}

/// <summary>
/// A checkout the stand-in created, for its simulated checkout page: what is bought, by whom, where the customer goes
/// back to, and the merchant's metadata that the webhooks carry.
/// </summary>
internal sealed record StandInCheckout(
    string Id,
    StandInCheckoutKind Kind,
    IReadOnlyList<(StandInProduct Product, int Quantity)> Items,
    string? CustomerId,
    string? ReturnUrl,
    JsonObject? Metadata,
    string PaymentId,
    bool IsCollection = false);

/// <summary>An injected failure or delay.</summary>
internal sealed class StandInRule(string? method, string pathPrefix, int? times)
{
    private int _remaining = times ?? int.MaxValue;

    public string? Method { get; } = method;

    public string PathPrefix { get; } = pathPrefix;

    public int? StatusCode { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>The body answered as is, instead of Dodo's error body.</summary>
    public string? Body { get; init; }

    public TimeSpan? Delay { get; init; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWith(PathPrefix, StringComparison.Ordinal);

    /// <summary>Uses the rule once; false when it is spent.</summary>
    public bool TryUse() => Interlocked.Decrement(ref _remaining) >= 0;
}

/// <summary>An answer of the stand-in; <paramref name="Location"/> for redirects.</summary>
internal readonly record struct StandInResponse(int StatusCode, string Body, string ContentType = "application/json", string? Location = null);
