using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>The EF Core store keeps the store contract on PostgreSQL.</summary>
public sealed class PostgresWebhookStoreContractTests(PostgresDatabase database)
    : WebhookIdempotencyStoreContract, IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private StoreApp? _app;

    public Task InitializeAsync() => database.ResetAsync();

    protected override Task<IWebhookIdempotencyStore> CreateStoreAsync()
    {
        _app ??= new StoreApp(database, Clock);
        return Task.FromResult(_app.Store);
    }

    protected override AsyncServiceScope CreateHandlerScope() => _app!.CreateScope();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
