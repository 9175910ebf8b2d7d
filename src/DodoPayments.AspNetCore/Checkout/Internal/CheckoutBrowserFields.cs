using System.Text.Json;
using DodoPayments.AspNetCore.Api;
using DodoPayments.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Checkout.Internal;

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

    private static void Common(DodoBrowserPolicy policy, CustomerRequest? customer, List<ProductCartItem>? cart, string? paymentMethodId, bool? showSavedPaymentMethods, string? returnUrl)
    {
        // An existing customer or a saved payment method would act for someone else.
        policy.ServerOnly("customer.customer_id", customer?.CustomerId);
        policy.ServerOnly("payment_method_id", paymentMethodId);
        policy.ServerOnly("show_saved_payment_methods", showSavedPaymentMethods);
        policy.Unmodelled("customer.", customer?.AdditionalProperties?.Keys);
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
