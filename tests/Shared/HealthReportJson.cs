using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DodoPayments.AspNetCore.TestSupport;

/// <summary>
/// A <c>MapHealthChecks</c> response writer for tests: the report's entries as JSON
/// (<c>{"dodo-payments":{"status":"Degraded","description":"…","data":{"inbox_backlog":3}}}</c>), so a test reads what
/// a health check reported through real HTTP. Shared by the test projects as a linked source file.
/// </summary>
internal static class HealthReportJson
{
    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Reads one entry of what <see cref="WriteAsync"/> wrote.</summary>
    public static async Task<(string Status, string Description, Dictionary<string, long> Data)> ReadAsync(HttpResponseMessage response, string name = "dodo-payments")
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = document.RootElement.GetProperty(name);
        var data = entry.GetProperty("data").EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetInt64(), StringComparer.Ordinal);
        return (entry.GetProperty("status").GetString()!, entry.GetProperty("description").GetString() ?? "", data);
    }
}
