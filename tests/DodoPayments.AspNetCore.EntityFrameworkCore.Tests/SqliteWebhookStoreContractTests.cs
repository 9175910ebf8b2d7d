using DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Databases;
using DodoPayments.AspNetCore.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests;

/// <summary>The EF Core store keeps the store contract on SQLite (a file database, several connections).</summary>
public sealed class SqliteWebhookStoreContractTests : WebhookIdempotencyStoreContract, IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();
    private StoreApp? _app;

    public Task InitializeAsync() => _database.InitializeAsync();

    protected override Task<IWebhookIdempotencyStore> CreateStoreAsync()
    {
        _app ??= new StoreApp(_database, Clock);
        return Task.FromResult(_app.Store);
    }

    protected override AsyncServiceScope CreateHandlerScope() => _app!.CreateScope();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
