using System.Text.Json.Nodes;

namespace DodoPayments.AspNetCore.Testing;

/// <summary>A request the <see cref="DodoApiStandIn"/> received, as it arrived.</summary>
/// <param name="Method">The HTTP method, such as <c>POST</c>.</param>
/// <param name="Path">The path, such as <c>/products/pdt_1</c>.</param>
/// <param name="Query">The query string without <c>?</c>, or empty.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
/// <param name="UserAgent">The <c>User-Agent</c> header, or null.</param>
/// <param name="Body">The body as text, or empty.</param>
public sealed record StandInRequest(string Method, string Path, string Query, string? Authorization, string? UserAgent, string Body)
{
    /// <summary>The body parsed as JSON, or null when it is empty.</summary>
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}
