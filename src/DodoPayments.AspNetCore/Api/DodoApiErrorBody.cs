using System.Text.Json.Serialization;

namespace DodoPayments.AspNetCore.Api;

/// <summary>Dodo's error answer: <c>{"code": "NOT_FOUND", "message": "…"}</c>.</summary>
internal sealed class DodoApiErrorBody
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
