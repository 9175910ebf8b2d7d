using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// Binds a configuration section to <see cref="DodoPaymentsOptions"/> key by key: no reflection (the library is
/// AOT-compatible), <c>test_mode</c> understood, an empty value left absent so the environment fallback applies, and a
/// value that cannot be read recorded for start-up validation instead of thrown.
/// </summary>
internal static class DodoPaymentsOptionsBinder
{
    public static void Bind(IConfiguration section, DodoPaymentsOptions options, string path)
    {
        BindString(section, nameof(DodoPaymentsOptions.ApiKey), value => options.ApiKey = value);
        BindString(section, nameof(DodoPaymentsOptions.ReturnUrl), value => options.ReturnUrl = value);
        BindString(section, nameof(DodoPaymentsOptions.WebhookKey), value => options.WebhookKey = value);
        BindString(section, nameof(DodoPaymentsOptions.ApiBaseUrl), value => options.ApiBaseUrl = value);
        BindString(section, nameof(DodoPaymentsOptions.CheckoutBaseUrl), value => options.CheckoutBaseUrl = value);
        BindList(section, nameof(DodoPaymentsOptions.WebhookKeys), list => options.WebhookKeys = list);
        BindTimeSpan(section, nameof(DodoPaymentsOptions.ApiTimeout), path, options, value => options.ApiTimeout = value);
        BindList(section, nameof(DodoPaymentsOptions.AllowedReturnHosts), list => options.AllowedReturnHosts = list);
        BindLong(section, nameof(DodoPaymentsOptions.MaxRequestBodySize), path, options, value => options.MaxRequestBodySize = value);

        var environment = section[nameof(DodoPaymentsOptions.Environment)];
        if (!string.IsNullOrWhiteSpace(environment))
        {
            if (TryParseEnvironment(environment, out var parsed))
            {
                options.Environment = parsed;
            }
            else
            {
                options.BindingErrors.Add($"{path}:Environment must be test_mode or live_mode, not '{environment}'.");
            }
        }

        var checkout = section.GetSection(nameof(DodoPaymentsOptions.Checkout));
        var checkoutPath = $"{path}:{nameof(DodoPaymentsOptions.Checkout)}";
        BindTimeSpan(checkout, nameof(options.Checkout.ProductCacheDuration), checkoutPath, options, value => options.Checkout.ProductCacheDuration = value);
        BindTimeSpan(checkout, nameof(options.Checkout.MissingProductCacheDuration), checkoutPath, options, value => options.Checkout.MissingProductCacheDuration = value);
        BindList(checkout, nameof(options.Checkout.AllowedProductIds), list => options.Checkout.AllowedProductIds = list);
        BindBool(checkout, nameof(options.Checkout.ForwardUnknownFields), checkoutPath, options, value => options.Checkout.ForwardUnknownFields = value);

        var planChange = section.GetSection(nameof(DodoPaymentsOptions.PlanChange));
        BindString(planChange, nameof(options.PlanChange.ProrationBillingMode), value => options.PlanChange.ProrationBillingMode = value);
        BindString(planChange, nameof(options.PlanChange.OnPaymentFailure), value => options.PlanChange.OnPaymentFailure = value);
        BindList(planChange, nameof(options.PlanChange.AllowedProductIds), list => options.PlanChange.AllowedProductIds = list);

        var webhooks = section.GetSection(nameof(DodoPaymentsOptions.Webhooks));
        var webhooksPath = $"{path}:{nameof(DodoPaymentsOptions.Webhooks)}";
        BindLong(webhooks, nameof(options.Webhooks.MaxRequestBodySize), webhooksPath, options, value => options.Webhooks.MaxRequestBodySize = value);
        BindTimeSpan(webhooks, nameof(options.Webhooks.TimestampTolerance), webhooksPath, options, value => options.Webhooks.TimestampTolerance = value);
        BindTimeSpan(webhooks, nameof(options.Webhooks.IdempotencyRetention), webhooksPath, options, value => options.Webhooks.IdempotencyRetention = value);
        BindTimeSpan(webhooks, nameof(options.Webhooks.SlowHandlerThreshold), webhooksPath, options, value => options.Webhooks.SlowHandlerThreshold = value);
        BindTimeSpan(webhooks, nameof(options.Webhooks.HandlerTimeout), webhooksPath, options, value => options.Webhooks.HandlerTimeout = value);
        BindTimeSpan(webhooks, nameof(options.Webhooks.ClaimLease), webhooksPath, options, value => options.Webhooks.ClaimLease = value);

        var inbox = webhooks.GetSection(nameof(options.Webhooks.Inbox));
        var inboxPath = $"{webhooksPath}:{nameof(options.Webhooks.Inbox)}";
        BindLong(inbox, nameof(options.Webhooks.Inbox.MaxAttempts), inboxPath, options, value => options.Webhooks.Inbox.MaxAttempts = (int)Math.Clamp(value, int.MinValue, int.MaxValue));
        BindTimeSpan(inbox, nameof(options.Webhooks.Inbox.FirstRetryDelay), inboxPath, options, value => options.Webhooks.Inbox.FirstRetryDelay = value);
    }

    /// <summary>Reads <c>test_mode</c>, <c>live_mode</c>, <c>TestMode</c> or <c>LiveMode</c>, in any case.</summary>
    public static bool TryParseEnvironment(string value, out DodoPaymentsEnvironment environment)
    {
        var compact = value.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (compact.Equals("testmode", StringComparison.OrdinalIgnoreCase))
        {
            environment = DodoPaymentsEnvironment.TestMode;
            return true;
        }

        if (compact.Equals("livemode", StringComparison.OrdinalIgnoreCase))
        {
            environment = DodoPaymentsEnvironment.LiveMode;
            return true;
        }

        environment = default;
        return false;
    }

    private static void BindString(IConfiguration section, string key, Action<string> assign)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            assign(value.Trim());
        }
    }

    private static void BindList(IConfiguration section, string key, Action<List<string>> assign)
    {
        var children = section.GetSection(key).GetChildren()
            .Select(child => child.Value)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => value!.Trim())
            .ToList();
        if (children.Count > 0)
        {
            assign(children);
        }
    }

    private static void BindLong(IConfiguration section, string key, string path, DodoPaymentsOptions options, Action<long> assign)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add($"{path}:{key} must be a whole number, not '{value}'.");
        }
    }

    private static void BindBool(IConfiguration section, string key, string path, DodoPaymentsOptions options, Action<bool> assign)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (bool.TryParse(value.Trim(), out var parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add($"{path}:{key} must be true or false, not '{value}'.");
        }
    }

    private static void BindTimeSpan(IConfiguration section, string key, string path, DodoPaymentsOptions options, Action<TimeSpan> assign)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
        {
            assign(parsed);
        }
        else
        {
            options.BindingErrors.Add($"{path}:{key} must be a time span such as 00:00:30, not '{value}'.");
        }
    }
}
