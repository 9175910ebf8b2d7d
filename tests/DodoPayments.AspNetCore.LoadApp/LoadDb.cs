using DodoPayments.AspNetCore.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DodoPayments.AspNetCore.LoadApp;

/// <summary>The load app's database: only the webhook store's tables.</summary>
internal sealed class LoadDb(DbContextOptions<LoadDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddDodoWebhookStore();
}
