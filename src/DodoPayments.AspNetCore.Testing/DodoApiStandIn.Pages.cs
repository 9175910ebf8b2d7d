using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>
/// The pages behind the links the stand-in returns: a hosted checkout whose "Pay" and "Fail" send the webhooks Dodo
/// would send and return the customer to the shop, and a customer portal stub.
/// </summary>
public sealed partial class DodoApiStandIn
{
    private const string BusinessId = "bus_standin";

    /// <summary>
    /// Serves <c>GET buy/{productId}</c> (static links), <c>GET checkout/{id}</c>, <c>POST checkout/{id}/pay|fail</c> and
    /// <c>GET portal/{customerId}</c>; null for any other request.
    /// </summary>
    private async Task<StandInResponse?> TryServePageAsync(string method, string path, string query, string body, CancellationToken cancellationToken)
    {
        var segments = path.Trim('/').Split('/');
        switch (method, segments)
        {
            case ("GET", ["checkout", var id]):
                return _checkouts.TryGetValue(id, out var checkout) ? Html(200, CheckoutPage(checkout)) : NotFoundPage();
            case ("POST", ["checkout", var id, var outcome and ("pay" or "fail")]):
                return _checkouts.TryGetValue(id, out checkout)
                    ? await CompleteCheckoutAsync(checkout, outcome == "pay", QueryHelpers.ParseQuery(body).GetValueOrDefault("product_id").ToString(), cancellationToken).ConfigureAwait(false)
                    : NotFoundPage();
            case ("GET", ["buy", var productId]):
                return _products.TryGetValue(Uri.UnescapeDataString(productId), out var product)
                    ? StartStaticCheckout(product, QueryHelpers.ParseQuery(query))
                    : NotFoundPage();
            case ("GET", ["portal", var customerId]):
                return _customers.TryGetValue(Uri.UnescapeDataString(customerId), out var customer)
                    ? Html(200, PortalPage(customer, QueryHelpers.ParseQuery(query).GetValueOrDefault("return_url").ToString()))
                    : NotFoundPage();
            default:
                return null;
        }
    }

    /// <summary>
    /// A static checkout link (<c>/buy/{productId}?quantity=…&amp;redirect_url=…&amp;email=…&amp;metadata_*=…</c>): becomes a
    /// checkout like a session's, then redirects to its page.
    /// </summary>
    private StandInResponse StartStaticCheckout(StandInProduct product, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var quantity = int.TryParse(query.GetValueOrDefault("quantity"), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : 1;
        var metadata = new JsonObject();
        foreach (var (key, value) in query.Where(pair => pair.Key.StartsWith("metadata_", StringComparison.Ordinal)))
        {
            metadata[key["metadata_".Length..]] = value.ToString();
        }

        var email = query.GetValueOrDefault("email").ToString();
        string? customerId = null;
        if (email.Length > 0)
        {
            ResolveCustomer(new JsonObject { ["email"] = email, ["name"] = query.GetValueOrDefault("fullName").ToString() }, out var customer);
            customerId = customer?.CustomerId;
        }

        var id = NextId("cks");
        var returnUrl = query.GetValueOrDefault("redirect_url").ToString();
        _checkouts[id] = new StandInCheckout(id, StandInCheckoutKind.Session, [(product, quantity)], customerId, returnUrl.Length == 0 ? null : returnUrl, metadata, NextId("pay"));
        return new StandInResponse(302, string.Empty, "text/plain", Link("checkout", id));
    }

    /// <summary>
    /// "Pay" or "Fail": sends the webhooks of the outcome (a subscription first activates, then its first payment
    /// succeeds), then sends the customer back to the shop's <c>return_url</c> as Dodo does.
    /// </summary>
    private async Task<StandInResponse> CompleteCheckoutAsync(StandInCheckout checkout, bool paid, string chosenProductId, CancellationToken cancellationToken)
    {
        var items = checkout.IsCollection
            ? [.. checkout.Items.Where(item => item.Product.ProductId == chosenProductId).DefaultIfEmpty(checkout.Items[0]).Take(1)]
            : checkout.Items;
        var subscription = paid && items[0].Product.IsRecurring ? Subscribe(checkout, items[0]) : null;
        if (subscription is not null)
        {
            await SendWebhookAsync("subscription.active", SubscriptionEventData(subscription, checkout), cancellationToken).ConfigureAwait(false);
        }

        var payment = PaymentEventData(checkout, items, subscription, paid);
        await SendWebhookAsync(paid ? "payment.succeeded" : "payment.failed", payment, cancellationToken).ConfigureAwait(false);

        var outcome = new Dictionary<string, string?>
        {
            ["payment_id"] = checkout.PaymentId,
            ["status"] = paid ? "succeeded" : "failed",
        };
        if (subscription is not null)
        {
            outcome["subscription_id"] = subscription.SubscriptionId;
        }

        return string.IsNullOrEmpty(checkout.ReturnUrl)
            ? Html(200, Page("Payment complete", $"<p>Payment {Encode(checkout.PaymentId)} {(paid ? "succeeded" : "failed")}.</p>"))
            : new StandInResponse(303, string.Empty, "text/plain", QueryHelpers.AddQueryString(checkout.ReturnUrl, outcome));
    }

    /// <summary>The subscription a paid checkout starts: the one a subscription link created, or a new one for a session.</summary>
    private StandInSubscription Subscribe(StandInCheckout checkout, (StandInProduct Product, int Quantity) item)
    {
        var customerId = checkout.CustomerId ?? "cus_standin";
        var subscription = checkout.Kind == StandInCheckoutKind.Subscription && _subscriptions.TryGetValue(checkout.Id, out var existing)
            ? existing
            : _subscriptions.GetOrAdd(
                $"sub_{checkout.Id}",
                id => new StandInSubscription(id, customerId, TimeProvider.GetUtcNow()) { ProductId = item.Product.ProductId, Quantity = item.Quantity });
        subscription.Status = "active";
        subscription.Metadata ??= (JsonObject?)checkout.Metadata?.DeepClone();
        return subscription;
    }

    private JsonObject SubscriptionEventData(StandInSubscription subscription, StandInCheckout? checkout = null)
    {
        var data = SubscriptionJson(subscription, subscription.ProductId);
        data["payload_type"] = "Subscription";
        data["metadata"] = (checkout?.Metadata ?? subscription.Metadata)?.DeepClone() ?? new JsonObject();
        data["billing"] = new JsonObject { ["country"] = "US" };
        return data;
    }

    private JsonObject PaymentEventData(StandInCheckout checkout, IReadOnlyList<(StandInProduct Product, int Quantity)> items, StandInSubscription? subscription, bool paid)
    {
        var data = PaymentData(checkout.PaymentId, items, items.Sum(item => item.Product.Price * item.Quantity), checkout.CustomerId, checkout.Metadata, subscription?.SubscriptionId, paid);
        data["checkout_session_id"] = checkout.Kind == StandInCheckoutKind.Session ? checkout.Id : null;
        data["payment_link"] = checkout.Kind == StandInCheckoutKind.Session ? null : Link("checkout", checkout.Id);
        return data;
    }

    /// <summary>
    /// The <c>data</c> of a <c>payment.*</c> event: <paramref name="total"/> of the first item's currency, paid by
    /// <paramref name="customerId"/>, carrying the merchant's <paramref name="metadata"/>.
    /// </summary>
    private JsonObject PaymentData(string paymentId, IReadOnlyList<(StandInProduct Product, int Quantity)> items, long total, string? customerId, JsonObject? metadata, string? subscriptionId, bool paid)
    {
        var currency = items[0].Product.Currency;
        var now = Iso(TimeProvider.GetUtcNow());
        return new JsonObject
        {
            ["payload_type"] = "Payment",
            ["payment_id"] = paymentId,
            ["business_id"] = BusinessId,
            ["brand_id"] = BusinessId,
            ["status"] = paid ? "succeeded" : "failed",
            ["created_at"] = now,
            ["updated_at"] = now,
            ["total_amount"] = total,
            ["currency"] = currency,
            ["settlement_amount"] = total,
            ["settlement_currency"] = currency,
            ["tax"] = 0,
            ["settlement_tax"] = 0,
            ["customer"] = CustomerJson(customerId is { } id ? _customers.GetValueOrDefault(id) : null),
            ["billing"] = new JsonObject { ["country"] = "US" },
            ["metadata"] = metadata?.DeepClone() ?? new JsonObject(),
            ["product_cart"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject { ["product_id"] = item.Product.ProductId, ["quantity"] = item.Quantity })]),
            ["subscription_id"] = subscriptionId,
            ["checkout_session_id"] = null,
            ["payment_link"] = null,
            ["payment_method"] = "card",
            ["payment_method_type"] = "credit",
            ["card_last_four"] = paid ? "4242" : "0002",
            ["card_network"] = "VISA",
            ["card_type"] = "CREDIT",
            ["card_issuing_country"] = "US",
            ["error_code"] = paid ? null : "CARD_DECLINED",
            ["error_message"] = paid ? null : "The card was declined (stand-in).",
            ["discounts"] = new JsonArray(),
            ["refunds"] = new JsonArray(),
            ["disputes"] = new JsonArray(),
            ["digital_products_delivered"] = false,
            ["is_update_payment_method"] = false,
            ["payment_provider"] = "stand-in",
        };
    }

    private string CheckoutPage(StandInCheckout checkout)
    {
        var action = Link("checkout", checkout.Id);
        var lines = new StringBuilder();
        for (var i = 0; i < checkout.Items.Count; i++)
        {
            var (product, quantity) = checkout.Items[i];
            var price = $"{Encode(FormatAmount(product.Price * quantity))} {Encode(product.Currency)}{(product.IsRecurring ? " / " + Encode(product.PaymentFrequencyInterval.ToLowerInvariant()) : string.Empty)}";
            lines.Append(checkout.IsCollection
                ? $"""<li><label><input type="radio" name="product_id" value="{Encode(product.ProductId)}"{(i == 0 ? " checked" : string.Empty)}> <span class="product">{Encode(product.Name)}</span> <span class="amount">{price}</span></label></li>"""
                : $"""<li><span class="product">{Encode(product.Name)}</span> × {quantity} <span class="amount">{price}</span></li>""");
        }

        return Page(
            "Dodo Payments (stand-in) checkout",
            $"""
            <p class="note">A simulation of Dodo's hosted checkout: no card, no money, nothing leaves this machine.</p>
            <form method="post" action="{Encode(action)}/pay">
              <ul class="items">{lines}</ul>
              <button id="pay" type="submit">Pay</button>
              <button id="fail" type="submit" formaction="{Encode(action)}/fail">Fail</button>
            </form>
            """);
    }

    private string PortalPage(StandInCustomer customer, string returnUrl)
    {
        var rows = string.Concat(_subscriptions.Values
            .Where(subscription => subscription.CustomerId == customer.CustomerId)
            .Select(subscription => $"<li>{Encode(_products.GetValueOrDefault(subscription.ProductId)?.Name ?? subscription.ProductId)}: <span class=\"status\">{Encode(subscription.Status)}</span></li>"));
        var back = Uri.TryCreate(returnUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? $"""<p><a id="return" href="{Encode(url.AbsoluteUri)}">Return to the shop</a></p>"""
            : string.Empty;
        return Page(
            "Customer portal (stand-in)",
            $"<p>Billing of {Encode(customer.Name)} ({Encode(customer.Email)})</p><ul class=\"subscriptions\">{(rows.Length == 0 ? "<li>No subscriptions</li>" : rows)}</ul>{back}");
    }

    private static string Page(string title, string body) =>
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{Encode(title)}</title>
        <style>body{"{"}font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem{"}"} .note{"{"}color:#666{"}"} button{"{"}font-size:1rem;padding:.5rem 1.25rem;margin-right:.5rem{"}"} #pay{"{"}background:#111;color:#fff{"}"}</style>
        </head><body><h1>{Encode(title)}</h1>{body}</body></html>
        """;

    private static StandInResponse Html(int status, string html) => new(status, html, "text/html; charset=utf-8");

    private static StandInResponse NotFoundPage() => Html(404, Page("Not found", "<p>This checkout or portal link is unknown to the stand-in.</p>"));

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string FormatAmount(long amount) => (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
