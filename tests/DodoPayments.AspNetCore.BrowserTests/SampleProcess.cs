using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace DodoPayments.AspNetCore.BrowserTests;

/// <summary>
/// The built sample shop running as its own process on a free loopback port, in development mode (so against its
/// in-process Dodo stand-in) with its database in a temporary folder. Its output is kept for failure messages.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _storeFolder;

    private SampleProcess(Process process, Uri baseAddress, string storeFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _storeFolder = storeFolder;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the sample wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SampleProcess> StartAsync(TimeSpan timeout)
    {
        var sample = SampleDll();
        var port = FreePort();
        var storeFolder = Directory.CreateTempSubdirectory("dodo-browser-test-").FullName;
        var start = new ProcessStartInfo("dotnet", [sample])
        {
            // The content root, as under dotnet run: settings and wwwroot are read from the project folder.
            WorkingDirectory = Path.Combine(RepositoryRoot(), "samples", "DodoPayments.AspNetCore.Sample"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Shop"] = $"Data Source={Path.Combine(storeFolder, "shop.db")}";
        // The inbox retries a failed webhook after 200 ms, then 400 ms (Development: 2 s, 4 s), so a dead one shows soon.
        start.Environment["DodoPayments__Webhooks__Inbox__FirstRetryDelay"] = "00:00:00.2";
        // Keys in the developer's user-secrets or environment would switch the sample to the real Dodo: not here.
        start.Environment["DodoPayments__ApiKey"] = string.Empty;
        start.Environment["DODO_PAYMENTS_API_KEY"] = string.Empty;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {sample}.");
        var shop = new SampleProcess(process, new Uri($"http://127.0.0.1:{port}/"), storeFolder);
        process.OutputDataReceived += (_, line) => shop.Append(line.Data);
        process.ErrorDataReceived += (_, line) => shop.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await shop.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            await shop.DisposeAsync();
            throw;
        }

        return shop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_storeFolder, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with code {_process.ExitCode} before answering. Its output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("api/shop");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer the first request.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The sample did not answer at {BaseAddress} within {timeout.TotalSeconds} s. Its output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>The sample's own build output, same configuration as this test assembly.</summary>
    private static string SampleDll()
    {
        var configuration = typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "samples", "DodoPayments.AspNetCore.Sample", "bin", configuration, "net10.0", "DodoPayments.AspNetCore.Sample.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The sample is not built at {path}: run dotnet build first.", path);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DodoPayments.AspNetCore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DodoPayments.AspNetCore.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
