using DodoPayments.AspNetCore.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.EntityFrameworkCore;

/// <summary>Puts the webhook store's tables into the app's own EF Core model.</summary>
public static class DodoWebhookModelBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="DodoWebhookEventRecord"/> (table <c>dodo_webhook_events</c>) and
    /// <see cref="DodoWebhookHandlerRecord"/> (table <c>dodo_webhook_handlers</c>) to the model. The app's migrations
    /// then create the tables (<c>dotnet ef migrations add AddDodoWebhookStore</c>); to rename a table or put it in a
    /// schema, configure the entity after this call.
    /// </summary>
    /// <param name="modelBuilder">The model builder of the app's <see cref="DbContext"/>.</param>
    /// <returns>The model builder, to chain.</returns>
    /// <example>
    /// <code>
    /// public sealed class ShopDb(DbContextOptions&lt;ShopDb&gt; options) : DbContext(options)
    /// {
    ///     protected override void OnModelCreating(ModelBuilder modelBuilder) =&gt; modelBuilder.AddDodoWebhookStore();
    /// }
    /// </code>
    /// </example>
    public static ModelBuilder AddDodoWebhookStore(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var time = UnixMillisecondsConverter.Instance;

        modelBuilder.Entity<DodoWebhookEventRecord>(entity =>
        {
            entity.ToTable("dodo_webhook_events");
            entity.HasKey(e => e.WebhookId);
            entity.Property(e => e.WebhookId).HasColumnName("webhook_id").HasMaxLength(DodoWebhookEventRecord.MaxWebhookIdLength);
            entity.Property(e => e.Type).HasColumnName("type").HasMaxLength(DodoWebhookEventRecord.MaxTypeLength);
            entity.Property(e => e.Body).HasColumnName("body");
            entity.Property(e => e.Timestamp).HasColumnName("timestamp").HasConversion(time);
            entity.Property(e => e.ReceivedAt).HasColumnName("received_at").HasConversion(time);
            entity.Property(e => e.State).HasColumnName("state");
            entity.Property(e => e.OwnerToken).HasColumnName("owner_token");
            entity.Property(e => e.LeaseExpiresAt).HasColumnName("lease_expires_at").HasConversion(time);
            entity.Property(e => e.Attempts).HasColumnName("attempts");
            entity.Property(e => e.NextAttemptAt).HasColumnName("next_attempt_at").HasConversion(time);
            entity.Property(e => e.LastError).HasColumnName("last_error").HasMaxLength(DodoWebhookEventRecord.MaxLastErrorLength);
            entity.Property(e => e.ProcessedAt).HasColumnName("processed_at").HasConversion(time);
            entity.Property(e => e.RetainUntil).HasColumnName("retain_until").HasConversion(time);

            // The inbox picks the pending event due first; the purge finds processed events past their retention.
            entity.HasIndex(e => new { e.State, e.NextAttemptAt }).HasDatabaseName("ix_dodo_webhook_events_state_next_attempt_at");
            entity.HasIndex(e => e.RetainUntil).HasDatabaseName("ix_dodo_webhook_events_retain_until");
        });

        modelBuilder.Entity<DodoWebhookHandlerRecord>(entity =>
        {
            entity.ToTable("dodo_webhook_handlers");
            entity.HasKey(h => new { h.WebhookId, h.HandlerKey });
            entity.Property(h => h.WebhookId).HasColumnName("webhook_id").HasMaxLength(DodoWebhookEventRecord.MaxWebhookIdLength);
            entity.Property(h => h.HandlerKey).HasColumnName("handler_key").HasMaxLength(DodoWebhookHandlerRecord.MaxHandlerKeyLength);
            entity.Property(h => h.CompletedAt).HasColumnName("completed_at").HasConversion(time);
            entity.HasOne<DodoWebhookEventRecord>().WithMany().HasForeignKey(h => h.WebhookId).OnDelete(DeleteBehavior.Cascade);
        });

        return modelBuilder;
    }
}
