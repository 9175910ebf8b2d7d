using Microsoft.Extensions.Logging;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Storage;

/// <summary>The EF Core webhook store's log messages (event ids 370–379, stable). No ids, bodies or customer data.</summary>
internal static partial class WebhookStoreLog
{
    [LoggerMessage(EventId = 370, EventName = "WebhookRecordsPurged", Level = LogLevel.Information,
        Message = "Deleted {Count} processed webhook record(s) past their retention from {DbContext}.")]
    public static partial void Purged(this ILogger logger, int count, string dbContext);

    [LoggerMessage(EventId = 371, EventName = "WebhookRecordPurgeFailed", Level = LogLevel.Warning,
        Message = "Could not delete processed webhook records past their retention from {DbContext}; trying again in {Interval}.")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception, string dbContext, TimeSpan interval);
}
