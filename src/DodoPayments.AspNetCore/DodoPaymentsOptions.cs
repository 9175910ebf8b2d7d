using DodoPayments.AspNetCore.Checkout;
using DodoPayments.AspNetCore.PlanChange;
using DodoPayments.AspNetCore.Webhooks;

namespace DodoPayments.AspNetCore;

/// <summary>
/// Options for Dodo Payments, bound from the <c>DodoPayments</c> configuration section, with the official
/// <c>DODO_PAYMENTS_*</c> environment variables as fallbacks for the values the section leaves empty.
/// </summary>
/// <remarks>
/// The options are validated when the host starts: an app whose configuration cannot work refuses to start with a
/// message naming the key. Read them through <c>IOptionsMonitor&lt;DodoPaymentsOptions&gt;</c> so a configuration
/// reload takes effect.
/// </remarks>
public sealed class DodoPaymentsOptions
{
    /// <summary>The configuration section the parameterless <c>AddDodoPayments()</c> binds: <c>DodoPayments</c>.</summary>
    public const string SectionName = "DodoPayments";

    /// <summary>The name of the <see cref="HttpClient"/> the API client uses, for adding handlers with <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "DodoPayments.Api";

    private DodoPaymentsEnvironment _environment = DodoPaymentsEnvironment.LiveMode;

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c>. Required when a checkout, customer portal or plan change
    /// endpoint is mapped. Falls back to <c>DODO_PAYMENTS_API_KEY</c>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Test or live mode; picks the API and checkout hosts. Defaults to live mode, as in the official SDKs.
    /// Falls back to <c>DODO_PAYMENTS_ENVIRONMENT</c>.
    /// </summary>
    public DodoPaymentsEnvironment Environment
    {
        get => _environment;
        set
        {
            _environment = value;
            IsEnvironmentSpecified = true;
        }
    }

    /// <summary>
    /// The absolute URL customers return to after a checkout: <c>redirect_url</c> of static checkouts, and
    /// <c>return_url</c> of dynamic checkouts and checkout sessions whose request has none.
    /// Falls back to <c>DODO_PAYMENTS_RETURN_URL</c>.
    /// </summary>
    public string? ReturnUrl { get; set; }

    /// <summary>
    /// The webhook signing secret from the Dodo dashboard, <c>whsec_&lt;base64&gt;</c> or bare base64. Required when the
    /// webhook endpoint is mapped. Falls back to <c>DODO_PAYMENTS_WEBHOOK_KEY</c>, then <c>DODO_PAYMENTS_WEBHOOK_SECRET</c>.
    /// </summary>
    public string? WebhookKey { get; set; }

    /// <summary>Further webhook secrets accepted besides <see cref="WebhookKey"/>, for a secret rotation.</summary>
    public IList<string> WebhookKeys { get; set; } = [];

    /// <summary>
    /// An absolute URL replacing the API host (a proxy, or the stand-in of <c>DodoPayments.AspNetCore.Testing</c>);
    /// <c>http</c> is allowed. Falls back to <c>DODO_PAYMENTS_BASE_URL</c>.
    /// </summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>An absolute URL replacing the static checkout host (<c>https://checkout.dodopayments.com</c>).</summary>
    public string? CheckoutBaseUrl { get; set; }

    /// <summary>
    /// Hosts a browser-supplied <c>return_url</c> or <c>cancel_url</c> may point at (checkout and customer portal); any
    /// other host answers 400. Empty (the default) allows only the host of <see cref="ReturnUrl"/>. The request's own
    /// <c>Host</c> header never makes a host allowed.
    /// </summary>
    public IList<string> AllowedReturnHosts { get; set; } = [];

    /// <summary>
    /// The largest checkout or plan change body accepted, in bytes; a larger one answers 413 without being read whole.
    /// Default 64 KiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 64 * 1024;

    /// <summary>How long a call to the Dodo API may take before it is abandoned (answered 504 by the endpoints). Default 30 seconds.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Options of the checkout endpoints (configuration key <c>DodoPayments:Checkout</c>).</summary>
    public DodoCheckoutOptions Checkout { get; } = new();

    /// <summary>Options of the plan change endpoints (configuration key <c>DodoPayments:PlanChange</c>).</summary>
    public DodoPlanChangeOptions PlanChange { get; } = new();

    /// <summary>Options of the webhook endpoint (configuration key <c>DodoPayments:Webhooks</c>).</summary>
    public DodoWebhookOptions Webhooks { get; } = new();

    /// <summary>Whether <see cref="Environment"/> was set, by configuration or code, so the environment fallback does not apply.</summary>
    internal bool IsEnvironmentSpecified { get; private set; }

    /// <summary>Configuration values that could not be read (an unknown environment, a malformed number), reported by validation.</summary>
    internal List<string> BindingErrors { get; } = [];

    /// <summary>The configuration sections already bound to these options, so that none is bound twice.</summary>
    internal HashSet<string> BoundSections { get; } = new(StringComparer.OrdinalIgnoreCase);
}
