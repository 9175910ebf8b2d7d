using System.Diagnostics;
using DodoPayments.AspNetCore.Testing;

namespace DodoPayments.AspNetCore.Tests.Testing;

/// <summary>
/// Starting the stand-in on a port must not build a generic host: <c>WebApplicationFactory</c> takes the first host
/// announced on the process-wide <c>Microsoft.Extensions.Hosting</c> listener while it resolves its app, so a stand-in
/// host started by a test running in parallel could be taken for that test's app (each then fails at random).
/// </summary>
public sealed class DodoApiStandInHostingTests
{
    private static readonly AsyncLocal<List<string>?> Recorded = new();

    [Fact]
    public async Task StartAsync_ServesWithoutAnnouncingAHost()
    {
        // Arrange: record the hosting events raised on this test's own flow only (other tests build hosts in parallel).
        var events = new List<string>();
        Recorded.Value = events;
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        await using var dodo = new DodoApiStandIn().AddOneTimeProduct("pdt_book", "Book", 1999);

        // Act
        var address = await dodo.StartAsync();
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sk_test");
        using var response = await client.GetAsync(new Uri("products/pdt_book", UriKind.Relative));

        // Assert
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.Empty(events);
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(new EventObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value) => Recorded.Value?.Add(value.Key);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
