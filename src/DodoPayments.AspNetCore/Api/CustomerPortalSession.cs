using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>The answer to <c>POST /customers/{id}/customer-portal/session</c>.</summary>
public sealed class CustomerPortalSession
{
    /// <summary>The portal page to send the customer to.</summary>
    [JsonPropertyName("link")]
    public string Link { get; set; } = string.Empty;
}
