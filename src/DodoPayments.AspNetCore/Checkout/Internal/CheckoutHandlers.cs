using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.Checkout.Internal;

/// <summary>
/// The three checkout flows. Each takes the same path: read (at most <c>MaxRequestBodySize</c> bytes) → validate what
/// the browser sent (including the fields it may not send) → the app's hooks → the product allowlist and what Dodo
/// requires (safe ids; billing and customer of a payment link) → Dodo → <c>{"checkout_url"}</c>. Nothing here calls
/// Dodo before the request is valid, and every Dodo failure is answered through <see cref="DodoProblems.FromApiException"/>.
/// </summary>
internal sealed partial class CheckoutHandlers(
    IOptionsMonitor<DodoPaymentsOptions> options,
    ProductCache products,
    IValidator<StaticCheckoutRequest> staticValidator,
    IValidator<CheckoutSessionRequest> sessionValidator,
    IValidator<DynamicCheckoutRequest> dynamicValidator,
    ILogger<CheckoutHandlers> logger)
{
    private const string Static = "static";
    private const string Session = "session";
    private const string Dynamic = "dynamic";

    /// <summary><c>GET</c>: the static checkout URL, for an existing product.</summary>
    public async Task<Results<Ok<CheckoutUrlResponse>, ValidationProblem, ProblemHttpResult>> StaticAsync(HttpContext context)
    {
        var request = StaticCheckoutQuery.Read(context.Request.Query);
        if (Validate(staticValidator, request, Static) is { } invalid)
        {
            return invalid;
        }

        foreach (var hook in Hooks(context))
        {
            if (await hook.OnStaticCheckoutAsync(context, request).ConfigureAwait(false) is { } refusal)
            {
                return Refused(refusal, hook, Static);
            }
        }

        if (string.IsNullOrEmpty(request.ProductId))
        {
            return DodoProblems.Invalid(StaticCheckoutQuery.ProductId, "productId is required.");
        }

        var productId = request.ProductId;
        if (UnsafeId(StaticCheckoutQuery.ProductId, productId) is { } unsafeId)
        {
            return unsafeId;
        }

        if (NotAllowed(StaticCheckoutQuery.ProductId, productId, Static) is { } notAllowed)
        {
            return notAllowed;
        }

        var current = options.CurrentValue;
        try
        {
            if (await products.GetAsync(productId, Client(context), context.RequestAborted).ConfigureAwait(false) is null)
            {
                Log.UnknownProduct(logger, Static, productId);
                return CheckoutProblems.UnknownProduct(StaticCheckoutQuery.ProductId, productId);
            }
        }
        catch (DodoApiException exception)
        {
            return Failed(exception, Static, context);
        }

        var url = StaticCheckoutQuery.ComposeUrl(DodoPaymentsHosts.CheckoutBase(current), request, NullIfEmpty(current.ReturnUrl));
        return TypedResults.Ok(new CheckoutUrlResponse(url));
    }

    /// <summary><c>POST</c>: a checkout session, <c>POST /checkouts</c>.</summary>
    public async Task<Results<Ok<CheckoutUrlResponse>, ValidationProblem, ProblemHttpResult>> SessionAsync(HttpContext context)
    {
        var (request, unreadable, refused) = await DodoJsonBody.ReadAsync(context.Request, DodoCheckoutJsonContext.Default.CheckoutSessionRequest, options.CurrentValue.MaxRequestBodySize).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (refused is not null)
        {
            return refused;
        }

        if (Validate(sessionValidator, request!, Session) is { } invalid)
        {
            return invalid;
        }

        foreach (var hook in Hooks(context))
        {
            if (await hook.OnCheckoutSessionAsync(context, request!).ConfigureAwait(false) is { } refusal)
            {
                return Refused(refusal, hook, Session);
            }
        }

        if (NotAllowed("product_collection_id", request!.ProductCollectionId, Session) is { } collectionNotAllowed)
        {
            return collectionNotAllowed;
        }

        for (var i = 0; i < (request.ProductCart?.Count ?? 0); i++)
        {
            if (NotAllowed($"product_cart[{i}].product_id", request.ProductCart![i].ProductId, Session) is { } notAllowed)
            {
                return notAllowed;
            }
        }

        request.ReturnUrl = NullIfEmpty(request.ReturnUrl) ?? NullIfEmpty(options.CurrentValue.ReturnUrl);
        CheckoutSessionResponse session;
        try
        {
            session = await Client(context).CreateCheckoutSessionAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (DodoApiException exception)
        {
            return Failed(exception, Session, context);
        }

        if (string.IsNullOrEmpty(session.CheckoutUrl))
        {
            Log.CheckoutUrlMissing(logger, Session, request.Confirm == true);
            return CheckoutProblems.MissingCheckoutUrl(request.Confirm == true, session.SessionId, session.PaymentId);
        }

        return TypedResults.Ok(new CheckoutUrlResponse(session.CheckoutUrl));
    }

    /// <summary><c>POST</c>: a dynamic checkout; the product decides between <c>POST /subscriptions</c> and <c>POST /payments</c>.</summary>
    public async Task<Results<Ok<CheckoutUrlResponse>, ValidationProblem, ProblemHttpResult>> DynamicAsync(HttpContext context)
    {
        var (request, unreadable, refused) = await DodoJsonBody.ReadAsync(context.Request, DodoCheckoutJsonContext.Default.DynamicCheckoutRequest, options.CurrentValue.MaxRequestBodySize).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (refused is not null)
        {
            return refused;
        }

        if (Validate(dynamicValidator, request!, Dynamic) is { } invalid)
        {
            return invalid;
        }

        foreach (var hook in Hooks(context))
        {
            if (await hook.OnDynamicCheckoutAsync(context, request!).ConfigureAwait(false) is { } refusal)
            {
                return Refused(refusal, hook, Dynamic);
            }
        }

        if (NotAllowed("product_id", request!.ProductId, Dynamic) is { } productNotAllowed)
        {
            return productNotAllowed;
        }

        for (var i = 0; i < (request.ProductCart?.Count ?? 0); i++)
        {
            if (NotAllowed($"product_cart[{i}].product_id", request.ProductCart![i].ProductId, Dynamic) is { } notAllowed)
            {
                return notAllowed;
            }
        }

        // As the adaptors: the product named by product_id, else by the cart's first line, decides the flow.
        var fromCart = string.IsNullOrEmpty(request.ProductId);
        var productField = fromCart ? "product_cart[0].product_id" : "product_id";
        var productId = fromCart ? request.ProductCart?.FirstOrDefault()?.ProductId : request.ProductId;
        if (string.IsNullOrEmpty(productId))
        {
            return DodoProblems.Invalid("product_id", "product_id is required (or send product_cart).");
        }

        if (UnsafeId(productField, productId) is { } unsafeId)
        {
            return unsafeId;
        }

        // Checked after the hooks, which may fill billing and customer in from the signed-in user.
        if (Validate(PaymentLinkRequirements.Instance, request, Dynamic) is { } incomplete)
        {
            return incomplete;
        }

        var client = Client(context);
        var returnUrl = NullIfEmpty(request.ReturnUrl) ?? NullIfEmpty(options.CurrentValue.ReturnUrl);
        string? paymentLink;
        try
        {
            var product = await products.GetAsync(productId, client, context.RequestAborted).ConfigureAwait(false);
            if (product is null)
            {
                Log.UnknownProduct(logger, Dynamic, productId);
                return CheckoutProblems.UnknownProduct(productField, productId);
            }

            if (product.IsRecurring)
            {
                if (fromCart && request.ProductCart!.Count > 1)
                {
                    return DodoProblems.Invalid("product_cart", "A subscription is bought on its own: send product_id and quantity, or a product_cart with one line.");
                }

                var quantity = request.Quantity ?? (fromCart ? request.ProductCart![0].Quantity : null) ?? 1;
                var subscription = await client.CreateSubscriptionAsync(ToSubscription(request, productId, quantity, returnUrl), context.RequestAborted).ConfigureAwait(false);
                paymentLink = subscription.PaymentLink;
            }
            else
            {
                var payment = await client.CreatePaymentAsync(ToPayment(request, returnUrl), context.RequestAborted).ConfigureAwait(false);
                paymentLink = payment.PaymentLink;
            }
        }
        catch (DodoApiException exception)
        {
            return Failed(exception, Dynamic, context);
        }

        if (string.IsNullOrEmpty(paymentLink))
        {
            Log.CheckoutUrlMissing(logger, Dynamic, confirmMode: false);
            return CheckoutProblems.MissingCheckoutUrl(confirmMode: false, sessionId: null, paymentId: null);
        }

        return TypedResults.Ok(new CheckoutUrlResponse(paymentLink));
    }

    /// <summary>The body of <c>POST /subscriptions</c>, as the official adaptor builds it, with <c>payment_link: true</c>.</summary>
    internal static CreateSubscriptionRequest ToSubscription(DynamicCheckoutRequest request, string productId, int quantity, string? returnUrl)
    {
        var extra = CommonExtras(request);
        Add(extra, "on_demand", request.OnDemand, CheckoutValueJsonContext.Default.JsonObject);
        return new CreateSubscriptionRequest
        {
            ProductId = productId,
            Quantity = quantity,
            Billing = request.Billing,
            Customer = request.Customer,
            PaymentLink = true,
            ReturnUrl = returnUrl,
            Metadata = request.Metadata,
            Addons = request.Addons,
            DiscountCode = request.DiscountCode,
            DiscountCodes = request.DiscountCodes,
            TrialPeriodDays = request.TrialPeriodDays,
            AdditionalProperties = extra.Count > 0 ? extra : null,
        };
    }

    /// <summary>The body of <c>POST /payments</c>: the cart (from product_id/quantity when absent) with <c>payment_link: true</c>.</summary>
    internal static CreatePaymentRequest ToPayment(DynamicCheckoutRequest request, string? returnUrl)
    {
        var extra = CommonExtras(request);
        return new CreatePaymentRequest
        {
            ProductCart = request.ProductCart is { Count: > 0 } cart
                ? cart
                : [new ProductCartItem { ProductId = request.ProductId, Quantity = request.Quantity ?? 1 }],
            Billing = request.Billing,
            Customer = request.Customer,
            PaymentLink = true,
            ReturnUrl = returnUrl,
            Metadata = request.Metadata,
            DiscountCode = request.DiscountCode,
            DiscountCodes = request.DiscountCodes,
            AdditionalProperties = extra.Count > 0 ? extra : null,
        };
    }

    /// <summary>
    /// The fields both upstream bodies carry but do not model, and every field this package does not know (forwarded
    /// from the browser only with <see cref="DodoCheckoutOptions.ForwardUnknownFields"/>, or set by the app's hook).
    /// </summary>
    private static Dictionary<string, JsonElement> CommonExtras(DynamicCheckoutRequest request)
    {
        var extra = request.AdditionalProperties is { } unknown
            ? new Dictionary<string, JsonElement>(unknown, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

        // The upstream body sets payment_link itself; a second copy would be a duplicate key Dodo might read instead.
        extra.Remove("payment_link");
        Add(extra, "allowed_payment_method_types", request.AllowedPaymentMethodTypes, CheckoutValueJsonContext.Default.ListString);
        Add(extra, "billing_currency", request.BillingCurrency, CheckoutValueJsonContext.Default.String);
        Add(extra, "tax_id", request.TaxId, CheckoutValueJsonContext.Default.String);
        if (request.ShowSavedPaymentMethods is { } showSaved)
        {
            extra["show_saved_payment_methods"] = JsonSerializer.SerializeToElement(showSaved, CheckoutValueJsonContext.Default.Boolean);
        }

        Add(extra, "payment_method_id", request.PaymentMethodId, CheckoutValueJsonContext.Default.String);
        return extra;
    }

    private static void Add<T>(Dictionary<string, JsonElement> extra, string name, T? value, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (value is not null)
        {
            extra[name] = JsonSerializer.SerializeToElement(value, typeInfo);
        }
    }

    private ValidationProblem? Validate<T>(IValidator<T> validator, T request, string flow)
    {
        var result = validator.Validate(request);
        if (result.IsValid)
        {
            return null;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.Invalid(logger, flow, string.Join(", ", result.Errors.Select(error => error.PropertyName).Distinct(StringComparer.Ordinal)));
        }

        return DodoProblems.Invalid(result);
    }

    private ValidationProblem? NotAllowed(string field, string? productId, string flow)
    {
        var allowed = options.CurrentValue.Checkout.AllowedProductIds;
        if (productId is null || allowed.Count == 0 || allowed.Contains(productId, StringComparer.Ordinal))
        {
            return null;
        }

        Log.ProductNotAllowed(logger, flow, productId);
        return CheckoutProblems.NotAllowed(field, productId);
    }

    /// <summary>An id that would step out of <c>GET /products/{id}</c>, whoever set it (the browser or a hook).</summary>
    private static ValidationProblem? UnsafeId(string field, string productId) =>
        DodoUrls.IsSafeId(productId) ? null : DodoProblems.Invalid(field, DodoUrls.UnsafeIdMessage(field));

    private ProblemHttpResult Refused(ProblemDetails refusal, IDodoCheckoutHook hook, string flow)
    {
        var result = DodoProblems.FromHook(refusal, "The checkout was refused.");
        Log.HookRefused(logger, flow, hook.GetType().Name, result.StatusCode);
        return result;
    }

    private ProblemHttpResult Failed(DodoApiException exception, string flow, HttpContext context)
    {
        Log.ApiFailed(logger, flow, exception.Operation, exception.Kind, (int?)exception.StatusCode, exception.ErrorCode);
        return DodoProblems.FromApiException(exception, context);
    }

    private static IEnumerable<IDodoCheckoutHook> Hooks(HttpContext context) =>
        context.RequestServices.GetServices<IDodoCheckoutHook>();

    /// <summary>From the request's scope, so an app may register its own client with any lifetime.</summary>
    private static IDodoPaymentsApiClient Client(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDodoPaymentsApiClient>();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Dodo {Flow} checkout request is invalid: {Fields}")]
        public static partial void Invalid(ILogger logger, string flow, string fields);

        [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Dodo {Flow} checkout refused by {Hook} with {StatusCode}")]
        public static partial void HookRefused(ILogger logger, string flow, string hook, int statusCode);

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Dodo {Flow} checkout refused: product {ProductId} is not in AllowedProductIds")]
        public static partial void ProductNotAllowed(ILogger logger, string flow, string productId);

        [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Dodo {Flow} checkout refused: product {ProductId} does not exist")]
        public static partial void UnknownProduct(ILogger logger, string flow, string productId);

        [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Dodo {Flow} checkout failed: {Operation} {Kind} {StatusCode} {ErrorCode}")]
        public static partial void ApiFailed(ILogger logger, string flow, string operation, DodoApiErrorKind kind, int? statusCode, string? errorCode);

        [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Dodo {Flow} checkout was created without a checkout URL (confirm mode: {ConfirmMode})")]
        public static partial void CheckoutUrlMissing(ILogger logger, string flow, bool confirmMode);
    }
}
