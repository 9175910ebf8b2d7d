namespace DodoPayments.AspNetCore.Webhooks;

/// <summary>Reads a Standard Webhooks signing secret: <c>whsec_&lt;base64&gt;</c> as the dashboard shows it, or bare base64.</summary>
internal static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>Decodes <paramref name="secret"/> to the HMAC key; false for an empty or malformed secret.</summary>
    public static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        var base64 = secret.Trim();
        if (base64.StartsWith(Prefix, StringComparison.Ordinal))
        {
            base64 = base64[Prefix.Length..];
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, buffer, out var written) || written == 0)
        {
            return false;
        }

        key = buffer.AsSpan(0, written).ToArray();
        return true;
    }
}
