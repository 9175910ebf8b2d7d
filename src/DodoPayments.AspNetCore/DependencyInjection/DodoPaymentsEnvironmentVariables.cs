using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DodoPayments.AspNetCore.DependencyInjection;

/// <summary>
/// Fills what the configuration section left empty from the official <c>DODO_PAYMENTS_*</c> variables. They are read
/// from the app's <see cref="IConfiguration"/> (where ASP.NET Core puts the environment variables) when there is one,
/// else from the process environment.
/// </summary>
internal sealed class DodoPaymentsEnvironmentVariables(IServiceProvider services) : IPostConfigureOptions<DodoPaymentsOptions>
{
    public const string ApiKey = "DODO_PAYMENTS_API_KEY";
    public const string Environment = "DODO_PAYMENTS_ENVIRONMENT";
    public const string ReturnUrl = "DODO_PAYMENTS_RETURN_URL";
    public const string WebhookKey = "DODO_PAYMENTS_WEBHOOK_KEY";
    public const string WebhookSecret = "DODO_PAYMENTS_WEBHOOK_SECRET";
    public const string BaseUrl = "DODO_PAYMENTS_BASE_URL";

    private readonly IConfiguration? _configuration = services.GetService<IConfiguration>();

    public void PostConfigure(string? name, DodoPaymentsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            options.ApiKey = Read(ApiKey);
        }

        if (string.IsNullOrWhiteSpace(options.ReturnUrl))
        {
            options.ReturnUrl = Read(ReturnUrl);
        }

        if (string.IsNullOrWhiteSpace(options.WebhookKey))
        {
            options.WebhookKey = Read(WebhookKey) ?? Read(WebhookSecret);
        }

        if (string.IsNullOrWhiteSpace(options.ApiBaseUrl))
        {
            options.ApiBaseUrl = Read(BaseUrl);
        }

        if (!options.IsEnvironmentSpecified && Read(Environment) is { } environment)
        {
            if (DodoPaymentsOptionsBinder.TryParseEnvironment(environment, out var parsed))
            {
                options.Environment = parsed;
            }
            else
            {
                options.BindingErrors.Add($"{Environment} must be test_mode or live_mode, not '{environment}'.");
            }
        }
    }

    private string? Read(string name)
    {
        var value = _configuration is null ? System.Environment.GetEnvironmentVariable(name) : _configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
