using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace DodoPayments.AspNetCore.Webhooks.Internal;

/// <summary>Reads the raw request body into a pooled buffer, refusing more than the limit (from <c>Content-Length</c> and while reading).</summary>
internal static class WebhookBodyReader
{
    private const int DefaultInitialSize = 4096;

    /// <summary>Reads the body; <see cref="WebhookBody.IsTooLarge"/> when it exceeds <paramref name="limit"/> bytes.</summary>
    public static async ValueTask<WebhookBody> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var max = (int)Math.Min(limit, Array.MaxLength - 1);
        if (request.ContentLength is long declared && declared > max)
        {
            return WebhookBody.TooLarge;
        }

        // One byte more than the limit is enough to tell a body that is too large.
        var initial = request.ContentLength is long length ? (int)length + 1 : Math.Min(DefaultInitialSize, max + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 16));
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > max)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return WebhookBody.TooLarge;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new WebhookBody(buffer, total);
    }
}

/// <summary>A body read by <see cref="WebhookBodyReader"/>: a pooled buffer returned by <see cref="Dispose"/>.</summary>
internal readonly struct WebhookBody(byte[]? buffer, int length) : IDisposable
{
    public static WebhookBody TooLarge => default;

    public bool IsTooLarge => buffer is null;

    public ReadOnlyMemory<byte> Memory => buffer is null ? default : buffer.AsMemory(0, length);

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
