using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>The routes of the stand-in: one method per Dodo endpoint, answering as Dodo does.</summary>
public sealed partial class DodoApiStandIn
{
    /// <summary>
    /// The one entry point of both the in-process handler and the loopback server: the simulated hosted pages first
    /// (a browser sends no API key), then the API.
    /// </summary>
    internal async Task<StandInResponse> HandleAsync(string method, string path, string query, string? authorization, string? userAgent, string body, CancellationToken cancellationToken)
    {
        if (await TryServePageAsync(method, path, query, body, cancellationToken).ConfigureAwait(false) is { } page)
        {
            return page;
        }

        _requests.Enqueue(new StandInRequest(method, path, query, string.IsNullOrEmpty(authorization) ? null : authorization, string.IsNullOrEmpty(userAgent) ? null : userAgent, body));

        foreach (var rule in MatchingRules(method, path))
        {
            if (rule.Delay is { } delay)
            {
                await Task.Delay(delay, TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (rule.StatusCode is { } status)
            {
                return rule.Body is { } answer ? new StandInResponse(status, answer) : Error(status, rule.Code!, rule.Message!);
            }
        }

        if (!IsAuthorized(authorization))
        {
            return Error(401, "UNAUTHORIZED", "Invalid or missing API key");
        }

        JsonObject? json = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                return Error(400, "INVALID_REQUEST_BODY", "Your request body is invalid. Please check your request headers and object.");
            }
        }

        var segments = path.Trim('/').Split('/');
        return (method, segments) switch
        {
            ("GET", ["products", var id]) => GetProduct(id),
            ("POST", ["payments"]) => CreatePayment(json),
            ("POST", ["subscriptions"]) => CreateSubscription(json),
            ("GET", ["subscriptions", var id]) => GetSubscription(id),
            ("POST", ["checkouts"]) => CreateCheckoutSession(json),
            ("POST", ["customers", var id, "customer-portal", "session"]) => CreatePortalSession(id, query),
            ("POST", ["subscriptions", var id, "change-plan"]) => ChangePlan(id, json, preview: false),
            ("POST", ["subscriptions", var id, "change-plan", "preview"]) => ChangePlan(id, json, preview: true),
            ("DELETE", ["subscriptions", var id, "change-plan", "scheduled"]) => CancelScheduledChange(id),
            _ => Error(404, "NOT_FOUND", $"No route {method} {path}"),
        };
    }

    private List<StandInRule> MatchingRules(string method, string path)
    {
        lock (_rulesLock)
        {
            return [.. _rules.Where(rule => rule.Matches(method, path) && rule.TryUse())];
        }
    }

    private bool IsAuthorized(string? authorization)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length == Bearer.Length)
        {
            return false;
        }

        return ApiKey is null || string.Equals(authorization[Bearer.Length..], ApiKey, StringComparison.Ordinal);
    }

    private StandInResponse GetProduct(string productId) =>
        _products.TryGetValue(Uri.UnescapeDataString(productId), out var product)
            ? Ok(ProductJson(product))
            : Error(404, "NOT_FOUND", "Product not found");

    private StandInResponse CreatePayment(JsonObject? body)
    {
        if (ReadCart(body?["product_cart"], out var items) is { } cartError)
        {
            return cartError;
        }

        if (ResolveCustomer(body?["customer"], out var customer) is { } customerError)
        {
            return customerError;
        }

        var paymentId = NextId("pay");
        var link = body?["payment_link"]?.GetValueKind() == JsonValueKind.True ? Link("checkout", paymentId) : null;
        _checkouts[paymentId] = new StandInCheckout(paymentId, StandInCheckoutKind.Payment, items, customer?.CustomerId, (string?)body?["return_url"], MetadataOf(body), paymentId);
        return Ok(new JsonObject
        {
            ["payment_id"] = paymentId,
            ["client_secret"] = $"{paymentId}_secret",
            ["customer"] = CustomerJson(customer),
            ["metadata"] = body?["metadata"]?.DeepClone() ?? new JsonObject(),
            ["total_amount"] = items.Sum(item => item.Product.Price * item.Quantity),
            ["payment_link"] = link,
            ["expires_on"] = Iso(TimeProvider.GetUtcNow().AddDays(1)),
            ["product_cart"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject { ["product_id"] = item.Product.ProductId, ["quantity"] = item.Quantity })]),
        });
    }

    private StandInResponse CreateSubscription(JsonObject? body)
    {
        var productId = (string?)body?["product_id"];
        if (productId is null || !_products.TryGetValue(productId, out var product))
        {
            return Error(404, "NOT_FOUND", $"Product {productId} not found");
        }

        if (!product.IsRecurring)
        {
            return Error(422, "INVALID_REQUEST_PARAMETERS", $"Product {productId} is not a subscription product");
        }

        if (ResolveCustomer(body?["customer"], out var customer) is { } customerError)
        {
            return customerError;
        }

        var quantity = QuantityOf(body);
        var subscriptionId = NextId("sub");
        var paymentId = NextId("pay");
        _subscriptions[subscriptionId] = new StandInSubscription(subscriptionId, customer!.CustomerId, TimeProvider.GetUtcNow()) { ProductId = productId, Quantity = quantity, Status = "pending", Metadata = MetadataOf(body) };
        var link = body?["payment_link"]?.GetValueKind() == JsonValueKind.True ? Link("checkout", subscriptionId) : null;
        _checkouts[subscriptionId] = new StandInCheckout(subscriptionId, StandInCheckoutKind.Subscription, [(product, quantity)], customer.CustomerId, (string?)body?["return_url"], MetadataOf(body), paymentId);
        return Ok(new JsonObject
        {
            ["subscription_id"] = subscriptionId,
            ["payment_id"] = paymentId,
            ["client_secret"] = $"{paymentId}_secret",
            ["customer"] = CustomerJson(customer),
            ["metadata"] = body?["metadata"]?.DeepClone() ?? new JsonObject(),
            ["recurring_pre_tax_amount"] = product.Price * quantity,
            ["payment_link"] = link,
            ["expires_on"] = Iso(TimeProvider.GetUtcNow().AddDays(1)),
        });
    }

    private StandInResponse GetSubscription(string subscriptionId) =>
        _subscriptions.TryGetValue(Uri.UnescapeDataString(subscriptionId), out var subscription)
            ? Ok(SubscriptionJson(subscription, subscription.ProductId))
            : Error(404, "NOT_FOUND", "Subscription not found");

    private StandInResponse CreateCheckoutSession(JsonObject? body)
    {
        List<(StandInProduct Product, int Quantity)> items;
        if ((string?)body?["product_collection_id"] is { } collectionId)
        {
            if (!_collections.TryGetValue(collectionId, out var productIds))
            {
                return Error(404, "NOT_FOUND", $"Product collection {collectionId} not found");
            }

            items = [.. productIds.Where(_products.ContainsKey).Select(id => (_products[id], 1))];
        }
        else if (ReadCart(body?["product_cart"], out items) is { } cartError)
        {
            return cartError;
        }

        if (ResolveCustomer(body?["customer"], out var customer) is { } customerError)
        {
            return customerError;
        }

        var sessionId = NextId("cks");
        var confirmWithSavedMethod = body?["confirm"]?.GetValueKind() == JsonValueKind.True && body["payment_method_id"] is not null;
        _checkouts[sessionId] = new StandInCheckout(sessionId, StandInCheckoutKind.Session, items, customer?.CustomerId, (string?)body?["return_url"], MetadataOf(body), NextId("pay"), IsCollection: body?["product_collection_id"] is not null);
        return Ok(new JsonObject
        {
            ["session_id"] = sessionId,
            ["checkout_url"] = confirmWithSavedMethod ? null : Link("checkout", sessionId),
            ["payment_id"] = confirmWithSavedMethod ? NextId("pay") : null,
        });
    }

    private StandInResponse CreatePortalSession(string customerId, string query)
    {
        customerId = Uri.UnescapeDataString(customerId);
        if (!_customers.ContainsKey(customerId))
        {
            return Error(404, "NOT_FOUND", "Customer not found");
        }

        var returnUrl = query.Split('&')
            .Where(pair => pair.StartsWith("return_url=", StringComparison.Ordinal))
            .Select(pair => pair["return_url=".Length..])
            .FirstOrDefault();
        var link = Link("portal", Uri.EscapeDataString(customerId));
        return Ok(new JsonObject { ["link"] = returnUrl is null ? link : $"{link}?return_url={returnUrl}" });
    }

    private StandInResponse ChangePlan(string subscriptionId, JsonObject? body, bool preview)
    {
        if (!_subscriptions.TryGetValue(Uri.UnescapeDataString(subscriptionId), out var subscription))
        {
            return Error(404, "NOT_FOUND", "Subscription not found");
        }

        if (subscription.Status != "active")
        {
            return Error(422, "INACTIVE_SUBSCRIPTION_PLAN_CHANGE_NOT_SUPPORTED", "Plan changes are only supported for active subscriptions");
        }

        var productId = (string?)body?["product_id"];
        if (productId is null || !_products.TryGetValue(productId, out var newProduct) || !newProduct.IsRecurring)
        {
            return Error(404, "NOT_FOUND", $"Product {productId} not found");
        }

        var quantity = QuantityOf(body);
        var oldAmount = _products.TryGetValue(subscription.ProductId, out var oldProduct) ? oldProduct.Price * subscription.Quantity : 0;
        var newAmount = newProduct.Price * quantity;
        var scheduled = (string?)body?["effective_at"] == "next_billing_date";
        var charge = scheduled ? 0 : ((string?)body?["proration_billing_mode"] ?? "prorated_immediately") switch
        {
            "full_immediately" => newAmount,
            "difference_immediately" => Math.Max(0, newAmount - oldAmount),
            "do_not_bill" => 0,
            _ => Math.Max(0, (newAmount - oldAmount) / 2),
        };

        if (preview)
        {
            return Ok(new JsonObject
            {
                ["immediate_charge"] = new JsonObject
                {
                    ["effective_at"] = Iso(TimeProvider.GetUtcNow()),
                    ["line_items"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "subscription",
                        ["id"] = subscription.SubscriptionId,
                        ["product_id"] = newProduct.ProductId,
                        ["name"] = newProduct.Name,
                        ["currency"] = newProduct.Currency,
                        ["quantity"] = quantity,
                        ["unit_price"] = newProduct.Price,
                        ["proration_factor"] = newAmount == 0 ? 0 : (double)charge / newAmount,
                        ["tax_inclusive"] = false,
                        ["tax"] = 0,
                    }),
                    ["summary"] = new JsonObject
                    {
                        ["currency"] = newProduct.Currency,
                        ["total_amount"] = charge,
                        ["tax"] = 0,
                        ["customer_credits"] = 0,
                        ["settlement_amount"] = charge,
                        ["settlement_currency"] = newProduct.Currency,
                    },
                },
                ["new_plan"] = SubscriptionJson(subscription, newProduct.ProductId, quantity),
            });
        }

        var paymentId = charge > 0 ? NextId("pay") : null;
        if (scheduled)
        {
            subscription.ScheduledProductId = newProduct.ProductId;
        }
        else
        {
            subscription.ProductId = newProduct.ProductId;
            subscription.Quantity = quantity;
            // As Dodo: the plan changes, then the immediate charge succeeds; the payment carries the subscription_id and
            // the request's metadata (the subscription's when the request has none).
            var planChanged = ("subscription.plan_changed", SubscriptionEventData(subscription));
            NotifyInBackground(paymentId is null
                ? [planChanged]
                : [planChanged, ("payment.succeeded", PaymentData(paymentId, [(newProduct, quantity)], charge, subscription.CustomerId, MetadataOf(body) ?? subscription.Metadata, subscription.SubscriptionId, paid: true))]);
        }

        return Ok(new JsonObject
        {
            ["subscription_id"] = subscription.SubscriptionId,
            ["payment_id"] = paymentId,
        });
    }

    private StandInResponse CancelScheduledChange(string subscriptionId)
    {
        if (!_subscriptions.TryGetValue(Uri.UnescapeDataString(subscriptionId), out var subscription) || subscription.ScheduledProductId is null)
        {
            return Error(404, "NOT_FOUND", "No scheduled plan change");
        }

        subscription.ScheduledProductId = null;
        return Ok(new JsonObject());
    }

    /// <summary>Reads a <c>product_cart</c>; an error answer when it is empty or names an unknown product.</summary>
    private StandInResponse? ReadCart(JsonNode? cart, out List<(StandInProduct Product, int Quantity)> items)
    {
        items = [];
        if (cart is not JsonArray { Count: > 0 } lines)
        {
            return Error(422, "INVALID_REQUEST_PARAMETERS", "product_cart must have at least one item");
        }

        foreach (var line in lines)
        {
            var productId = (string?)line?["product_id"];
            if (productId is null || !_products.TryGetValue(productId, out var product))
            {
                return Error(404, "NOT_FOUND", $"Product {productId} not found");
            }

            var quantity = QuantityOf(line);
            items.Add((product, quantity));
        }

        return null;
    }

    /// <summary>An existing customer by id (unknown → 404), or one found or made by email.</summary>
    private StandInResponse? ResolveCustomer(JsonNode? node, out StandInCustomer? customer)
    {
        customer = null;
        if ((string?)node?["customer_id"] is { } customerId)
        {
            return _customers.TryGetValue(customerId, out customer) ? null : Error(404, "NOT_FOUND", "Customer not found");
        }

        var email = (string?)node?["email"] ?? "customer@example.com";
        customer = _customers.Values.FirstOrDefault(known => string.Equals(known.Email, email, StringComparison.OrdinalIgnoreCase));
        if (customer is null)
        {
            customer = new StandInCustomer(NextId("cus"), email, (string?)node?["name"] ?? "Customer");
            _customers[customer.CustomerId] = customer;
        }

        return null;
    }

    private JsonObject SubscriptionJson(StandInSubscription subscription, string productId, int? quantity = null)
    {
        var product = _products.GetValueOrDefault(productId);
        var units = quantity ?? subscription.Quantity;
        var now = TimeProvider.GetUtcNow();
        return new JsonObject
        {
            ["subscription_id"] = subscription.SubscriptionId,
            ["status"] = subscription.Status,
            ["product_id"] = productId,
            ["quantity"] = units,
            ["customer"] = CustomerJson(_customers.GetValueOrDefault(subscription.CustomerId)),
            ["currency"] = product?.Currency ?? "USD",
            ["recurring_pre_tax_amount"] = (product?.Price ?? 0) * units,
            ["tax_inclusive"] = false,
            ["payment_frequency_count"] = 1,
            ["payment_frequency_interval"] = product?.PaymentFrequencyInterval ?? "Month",
            ["subscription_period_count"] = 1,
            ["subscription_period_interval"] = "Year",
            ["trial_period_days"] = 0,
            ["created_at"] = Iso(subscription.CreatedAt),
            ["previous_billing_date"] = Iso(now.AddDays(-15)),
            ["next_billing_date"] = Iso(now.AddDays(15)),
            ["cancel_at_next_billing_date"] = false,
            ["on_demand"] = false,
            ["metadata"] = new JsonObject(),
            ["addons"] = new JsonArray(),
            ["meters"] = new JsonArray(),
        };
    }

    private static JsonObject ProductJson(StandInProduct product) => new()
    {
        ["product_id"] = product.ProductId,
        ["business_id"] = BusinessId,
        ["name"] = product.Name,
        ["description"] = product.Name,
        ["is_recurring"] = product.IsRecurring,
        ["tax_category"] = "saas",
        ["metadata"] = new JsonObject(),
        ["price"] = product.IsRecurring
            ? new JsonObject
            {
                ["type"] = "recurring_price",
                ["price"] = product.Price,
                ["currency"] = product.Currency,
                ["discount"] = 0,
                ["purchasing_power_parity"] = false,
                ["payment_frequency_count"] = 1,
                ["payment_frequency_interval"] = product.PaymentFrequencyInterval,
                ["subscription_period_count"] = 1,
                ["subscription_period_interval"] = "Year",
                ["trial_period_days"] = 0,
            }
            : new JsonObject
            {
                ["type"] = "one_time_price",
                ["price"] = product.Price,
                ["currency"] = product.Currency,
                ["discount"] = 0,
                ["purchasing_power_parity"] = false,
            },
    };

    private static JsonObject? CustomerJson(StandInCustomer? customer) => customer is null
        ? null
        : new JsonObject { ["customer_id"] = customer.CustomerId, ["email"] = customer.Email, ["name"] = customer.Name };

    private string Link(string page, string id) => new Uri(PublicBaseAddress, $"{page}/{id}").ToString();

    /// <summary>A line's (or a body's) <c>quantity</c>, 1 when absent or not a whole number.</summary>
    private static int QuantityOf(JsonNode? node) => node?["quantity"] is JsonValue value && value.TryGetValue<int>(out var quantity) ? quantity : 1;

    /// <summary>A time as Dodo writes it: ISO 8601.</summary>
    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static JsonObject? MetadataOf(JsonObject? body) => body?["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : null;

    private static StandInResponse Ok(JsonNode body) => new(200, body.ToJsonString());

    private static StandInResponse Error(int status, string code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString());
}
