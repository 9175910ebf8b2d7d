using DodoPayments.AspNetCore.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>The load app's database: the webhook store's tables, and the handler runs <see cref="RecordingHandler"/> records.</summary>
internal sealed class LoadDb(DbContextOptions<LoadDb> options) : DbContext(options)
{
    public DbSet<HandlerRun> HandlerRuns => Set<HandlerRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddDodoWebhookStore();
        modelBuilder.Entity<HandlerRun>(run =>
        {
            run.ToTable("handler_runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasColumnName("id");
            run.Property(r => r.WebhookId).HasColumnName("webhook_id").HasMaxLength(256);
            run.Property(r => r.ProcessId).HasColumnName("process_id");
        });
    }
}

/// <summary>One run of <see cref="RecordingHandler"/>: which event, in which process.</summary>
internal sealed class HandlerRun
{
    public long Id { get; set; }

    public string WebhookId { get; set; } = "";

    public int ProcessId { get; set; }
}
