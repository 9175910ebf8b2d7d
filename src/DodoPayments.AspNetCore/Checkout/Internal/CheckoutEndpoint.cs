using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// What the three checkout flows share on top of <see cref="DodoEndpoint{TRequest}"/>: the app's
/// <see cref="IDodoCheckoutHook"/>s, <c>DodoPayments:Checkout:AllowedProductIds</c>, the product lookup and the
/// <c>{"checkout_url"}</c> answer.
/// </summary>
/// <param name="name">How the logs name the flow.</param>
/// <param name="loggers">Where the checkout's logger comes from.</param>
/// <param name="browserFields">The flow's entry of <see cref="CheckoutBrowserFields"/>.</param>
/// <param name="hook">The flow's method of <see cref="IDodoCheckoutHook"/>.</param>
/// <param name="body">The JSON of the flow's body; null for the static checkout, which reads the query string.</param>
internal abstract class CheckoutEndpoint<TRequest>(
    string name,
    ILoggerFactory loggers,
    Action<TRequest, DodoBrowserPolicy> browserFields,
    Func<IDodoCheckoutHook, HttpContext, TRequest, ValueTask<ProblemDetails?>> hook,
    JsonTypeInfo<TRequest>? body)
    : DodoEndpoint<TRequest>(name, loggers.CreateLogger(CheckoutCategory))
    where TRequest : class
{
    protected override string RefusalTitle => "The checkout was refused.";

    protected override ValueTask<(TRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) => ReadJsonAsync(call, body!);

    protected override DodoBrowserPolicy BrowserPolicy(DodoPaymentsOptions options) => CheckoutBrowserFields.Policy(options);

    protected override void CheckBrowserFields(TRequest request, DodoBrowserPolicy policy) => browserFields(request, policy);

    protected override IList<string> AllowedProductIds(DodoPaymentsOptions options) => options.Checkout.AllowedProductIds;

    protected override ValueTask<HookRefusal?> RunHooksAsync(DodoEndpointContext call, TRequest request) =>
        RunHooksAsync<IDodoCheckoutHook>(call, checkoutHook => hook(checkoutHook, call.HttpContext, request));

    /// <summary>The ids of a cart's lines, each required.</summary>
    protected static IEnumerable<ProductId> CartProductIds(List<ProductCartItem>? cart) =>
        cart?.Select((line, i) => new ProductId($"product_cart[{i}].product_id", line?.ProductId, "product_id is required.")) ?? [];

    /// <summary>The product (through the <see cref="ProductCache"/>), or null when Dodo does not know it (logged).</summary>
    protected async Task<Product?> FindProductAsync(DodoEndpointContext call, string productId)
    {
        var products = call.Services.GetRequiredService<ProductCache>();
        var product = await products.GetAsync(productId, call.Client, call.Options.Checkout, call.Aborted).ConfigureAwait(false);
        if (product is null)
        {
            Log.UnknownProduct(Logger, Name, productId);
        }

        return product;
    }

    /// <summary>The 400 for a product Dodo does not know.</summary>
    protected static IResult UnknownProduct(string field, string productId) =>
        DodoProblems.Invalid(field, $"Product '{productId}' was not found.");

    /// <summary>
    /// <c>200 {"checkout_url"}</c>, or the answer when Dodo gave no page to send the browser to. In confirm mode
    /// (<c>confirm: true</c> with a <c>payment_method_id</c>, set by a hook) that is by design and the request was the
    /// wrong one for this endpoint: 400 with the session and payment ids. Otherwise Dodo's answer is unusable: 502.
    /// </summary>
    protected IResult CheckoutUrl(string? url, bool confirmMode = false, string? sessionId = null, string? paymentId = null)
    {
        if (!string.IsNullOrEmpty(url))
        {
            return TypedResults.Ok(new CheckoutUrlResponse(url));
        }

        var problem = confirmMode
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The checkout session has no checkout page.",
                detail: "Dodo created the session in confirm mode (confirm: true with a payment_method_id), which has no checkout_url. " +
                    "Create confirm-mode sessions with IDodoPaymentsApiClient.CreateCheckoutSessionAsync instead of this endpoint.",
                extensions: new Dictionary<string, object?>
                {
                    [DodoProblems.CodeExtension] = "CHECKOUT_URL_MISSING",
                    ["session_id"] = sessionId,
                    ["payment_id"] = paymentId,
                })
            : TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The payment provider is unavailable.",
                detail: "Dodo Payments answered without a checkout URL. Try again later.");
        Log.NoLink(Logger, Name, problem.StatusCode);
        return problem;
    }
}

/// <summary><c>GET</c> of <c>MapDodoCheckout</c>: the static checkout URL of an existing product, from the query string.</summary>
internal sealed class StaticCheckoutEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<StaticCheckoutRequest>(
    "static checkout", loggers, CheckoutBrowserFields.Static, static (hook, httpContext, request) => hook.OnStaticCheckoutAsync(httpContext, request), body: null)
{
    protected override ValueTask<(StaticCheckoutRequest? Request, IResult? Problem)> ReadAsync(DodoEndpointContext call) =>
        ValueTask.FromResult<(StaticCheckoutRequest?, IResult?)>((StaticCheckoutQuery.Read(call.HttpContext.Request.Query), null));

    protected override IEnumerable<ProductId> ProductIds(StaticCheckoutRequest request) =>
        [new(StaticCheckoutQuery.ProductId, request.ProductId, "productId is required.")];

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, StaticCheckoutRequest request)
    {
        var productId = request.ProductId!;
        if (await FindProductAsync(call, productId).ConfigureAwait(false) is null)
        {
            return UnknownProduct(StaticCheckoutQuery.ProductId, productId);
        }

        return CheckoutUrl(StaticCheckoutQuery.ComposeUrl(DodoPaymentsHosts.CheckoutBase(call.Options), request, call.ReturnUrl(requested: null)));
    }
}

/// <summary><c>POST</c> of <c>MapDodoCheckout</c>: a checkout session, Dodo's <c>POST /checkouts</c> with the body as the hooks left it.</summary>
internal sealed class CheckoutSessionEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<CheckoutSessionRequest>(
    "checkout session", loggers, CheckoutBrowserFields.Session, static (hook, httpContext, request) => hook.OnCheckoutSessionAsync(httpContext, request), DodoCheckoutJsonContext.Default.CheckoutSessionRequest)
{
    protected override IEnumerable<ProductId> ProductIds(CheckoutSessionRequest request) =>
        [new("product_collection_id", request.ProductCollectionId), .. CartProductIds(request.ProductCart)];

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, CheckoutSessionRequest request)
    {
        request.ReturnUrl = call.ReturnUrl(request.ReturnUrl);
        var session = await call.Client.CreateCheckoutSessionAsync(request, call.Aborted).ConfigureAwait(false);
        return CheckoutUrl(session.CheckoutUrl, confirmMode: request.Confirm == true, session.SessionId, session.PaymentId);
    }
}

/// <summary>
/// <c>POST</c> of <c>MapDodoDynamicCheckout</c>, as the official adaptors do it: the product named by
/// <c>product_id</c>, else by the cart's first line, decides between <c>POST /subscriptions</c> and <c>POST /payments</c>,
/// both as payment links.
/// </summary>
internal sealed class DynamicCheckoutEndpoint(ILoggerFactory loggers) : CheckoutEndpoint<DynamicCheckoutRequest>(
    "dynamic checkout", loggers, CheckoutBrowserFields.Dynamic, static (hook, httpContext, request) => hook.OnDynamicCheckoutAsync(httpContext, request), DodoCheckoutJsonContext.Default.DynamicCheckoutRequest)
{
    /// <summary>What only a subscription carries; a one-time payment is sent without them.</summary>
    private static readonly string[] SubscriptionOnly = ["product_id", "quantity", "addons", "trial_period_days", "on_demand"];

    /// <summary>The product that decides the flow (<c>product_id</c>, else the cart's first line) and every line of the cart.</summary>
    protected override IEnumerable<ProductId> ProductIds(DynamicCheckoutRequest request) =>
        string.IsNullOrEmpty(request.ProductId) && request.ProductCart is { Count: > 0 }
            ? CartProductIds(request.ProductCart)
            : [new("product_id", request.ProductId, "product_id is required (or send product_cart)."), .. CartProductIds(request.ProductCart)];

    /// <summary>
    /// What Dodo requires of a payment link (DODO.md §3.2), as the official core checks it before calling the API:
    /// <c>billing</c> with its <c>country</c>, and a <c>customer</c>. Checked after the hooks, which may fill them in
    /// from the signed-in user; these are Dodo's rules, not the app's to relax, so no validator can replace them.
    /// </summary>
    protected override IEnumerable<ValidationFailure> Requirements(DynamicCheckoutRequest request)
    {
        if (request.Billing is null)
        {
            yield return new("billing", "billing is required: Dodo needs the billing address, with its country, to create a payment link.");
        }
        else if (string.IsNullOrEmpty(request.Billing.Country))
        {
            yield return new("billing.country", "billing.country is required.");
        }

        if (request.Customer is null)
        {
            yield return new("customer", "customer is required: send the customer's email and name (or let the app's hook set the signed-in customer).");
        }
        else if (string.IsNullOrEmpty(request.Customer.CustomerId) && string.IsNullOrEmpty(request.Customer.Email))
        {
            yield return new("customer", "customer needs an email (or a customer_id, which the app's hook sets).");
        }
    }

    protected override async Task<IResult> CallDodoAsync(DodoEndpointContext call, DynamicCheckoutRequest request)
    {
        var fromCart = string.IsNullOrEmpty(request.ProductId);
        var productField = fromCart ? "product_cart[0].product_id" : "product_id";
        var productId = fromCart ? request.ProductCart![0].ProductId! : request.ProductId!;
        var product = await FindProductAsync(call, productId).ConfigureAwait(false);
        if (product is null)
        {
            return UnknownProduct(productField, productId);
        }

        var returnUrl = call.ReturnUrl(request.ReturnUrl);
        if (!product.IsRecurring)
        {
            var payment = await call.Client.CreatePaymentAsync(ToPayment(request, returnUrl), call.Aborted).ConfigureAwait(false);
            return CheckoutUrl(payment.PaymentLink);
        }

        if (fromCart && request.ProductCart!.Count > 1)
        {
            return Invalid("product_cart", "A subscription is bought on its own: send product_id and quantity, or a product_cart with one line.");
        }

        var quantity = request.Quantity ?? (fromCart ? request.ProductCart![0].Quantity : null) ?? 1;
        var subscription = await call.Client.CreateSubscriptionAsync(ToSubscription(request, productId, quantity, returnUrl), call.Aborted).ConfigureAwait(false);
        return CheckoutUrl(subscription.PaymentLink);
    }

    /// <summary>The body of <c>POST /subscriptions</c>: the request as it is, for one product, with <c>payment_link: true</c>.</summary>
    private static CreateSubscriptionRequest ToSubscription(DynamicCheckoutRequest request, string productId, int quantity, string? returnUrl)
    {
        var body = Body(request, returnUrl);
        body.Remove("product_cart");
        body["product_id"] = productId;
        body["quantity"] = quantity;
        return body.Deserialize(DodoApiJsonContext.Default.CreateSubscriptionRequest)!;
    }

    /// <summary>The body of <c>POST /payments</c>: the request as it is, with the cart (from product_id/quantity when absent) and <c>payment_link: true</c>.</summary>
    private static CreatePaymentRequest ToPayment(DynamicCheckoutRequest request, string? returnUrl)
    {
        var body = Body(request, returnUrl);
        foreach (var field in SubscriptionOnly)
        {
            body.Remove(field);
        }

        if (body["product_cart"] is not JsonArray { Count: > 0 })
        {
            body["product_cart"] = new JsonArray(new JsonObject { ["product_id"] = request.ProductId, ["quantity"] = request.Quantity ?? 1 });
        }

        return body.Deserialize(DodoApiJsonContext.Default.CreatePaymentRequest)!;
    }

    /// <summary>
    /// Every field of the request as the browser and the hooks left it, those the package does not model included, so a
    /// field Dodo adds reaches it once <see cref="DynamicCheckoutRequest"/> has it, with no mapping to write.
    /// <c>payment_link</c> is this flow's own: a forwarded copy cannot turn it off.
    /// </summary>
    private static JsonObject Body(DynamicCheckoutRequest request, string? returnUrl)
    {
        var body = JsonSerializer.SerializeToNode(request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest)!.AsObject();
        body["payment_link"] = true;
        body.Remove("return_url");
        if (returnUrl is not null)
        {
            body["return_url"] = returnUrl;
        }

        return body;
    }
}

/// <summary>
/// What a browser may not decide in each checkout flow, all in one place (the rules and their messages are
/// <see cref="DodoBrowserPolicy"/>'s): an existing customer, a saved payment method, every price or billing term, fields
/// the package does not model (unless <see cref="DodoCheckoutOptions.ForwardUnknownFields"/>) and return URLs on hosts
/// that are not allowed. A field Dodo adds that sets a price is one line here; the app's <see cref="IDodoCheckoutHook"/>
/// may still set it, as hooks run after this check.
/// </summary>
internal static class CheckoutBrowserFields
{
    /// <summary>The keys of <c>subscription_data</c>: both set billing terms.</summary>
    private static readonly string[] SubscriptionTerms = ["trial_period_days", "on_demand"];

    /// <summary>The policy of every checkout flow: the app sets refused fields in its <see cref="IDodoCheckoutHook"/>, and may let unknown ones through.</summary>
    public static DodoBrowserPolicy Policy(DodoPaymentsOptions options) => new(
        options,
        nameof(IDodoCheckoutHook),
        forwardUnknownFieldsKey: "DodoPayments:Checkout:ForwardUnknownFields",
        forwardUnknownFields: options.Checkout.ForwardUnknownFields);

    /// <summary>The static checkout: the pay-what-you-want amount is a price.</summary>
    public static void Static(StaticCheckoutRequest request, DodoBrowserPolicy policy) =>
        policy.ServerOnly(StaticCheckoutQuery.PaymentAmount, request.PaymentAmount);

    /// <summary>A checkout session (<c>POST /checkouts</c>).</summary>
    public static void Session(CheckoutSessionRequest request, DodoBrowserPolicy policy)
    {
        Common(policy, request.Customer, request.ProductCart, request.PaymentMethodId, request.ShowSavedPaymentMethods, request.ReturnUrl);
        policy.ReturnUrl("cancel_url", request.CancelUrl);
        foreach (var term in SubscriptionTerms)
        {
            policy.ServerOnly($"subscription_data.{term}", request.SubscriptionData?[term]);
        }

        policy.Unmodelled(string.Empty, request.AdditionalProperties?.Keys);
        policy.Unmodelled("subscription_data.", request.SubscriptionData?.Select(pair => pair.Key).Except(SubscriptionTerms, StringComparer.Ordinal));
    }

    /// <summary>A dynamic checkout (<c>POST /payments</c> or <c>POST /subscriptions</c>).</summary>
    public static void Dynamic(DynamicCheckoutRequest request, DodoBrowserPolicy policy)
    {
        Common(policy, request.Customer, request.ProductCart, request.PaymentMethodId, request.ShowSavedPaymentMethods, request.ReturnUrl);
        policy.ServerOnly("trial_period_days", request.TrialPeriodDays);
        policy.ServerOnly("on_demand", request.OnDemand);
        policy.Unmodelled(string.Empty, request.AdditionalProperties?.Keys);

        // Forwarded as it is when unknown fields are, so held to the hosts return_url is held to.
        if (policy.ForwardsUnknownFields)
        {
            policy.ReturnUrl("cancel_url", ForwardedCancelUrl(request));
        }
    }

    private static void Common(DodoBrowserPolicy policy, Customer? customer, List<ProductCartItem>? cart, string? paymentMethodId, bool? showSavedPaymentMethods, string? returnUrl)
    {
        // An existing customer or a saved payment method would act for someone else.
        policy.ServerOnly("customer.customer_id", customer?.CustomerId);
        policy.ServerOnly("payment_method_id", paymentMethodId);
        policy.ServerOnly("show_saved_payment_methods", showSavedPaymentMethods);
        policy.Unmodelled("customer.", customer?.AdditionalProperties?.Keys);

        // The customer's own metadata comes in Dodo's answers; a checkout's customer does not send it.
        policy.Unmodelled("customer.", customer?.Metadata is null ? null : ["metadata"]);
        policy.ReturnUrl("return_url", returnUrl);
        for (var i = 0; i < (cart?.Count ?? 0); i++)
        {
            // The pay-what-you-want amount is a price.
            policy.ServerOnly($"product_cart[{i}].amount", cart![i]?.Amount);
            policy.Unmodelled($"product_cart[{i}].", cart[i]?.AdditionalProperties?.Keys);
        }
    }

    /// <summary>A <c>cancel_url</c> among the forwarded fields, as text (a value that is not a string cannot pass as a URL).</summary>
    private static string? ForwardedCancelUrl(DynamicCheckoutRequest request) =>
        request.AdditionalProperties?.TryGetValue("cancel_url", out var value) == true
            ? value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;
}
