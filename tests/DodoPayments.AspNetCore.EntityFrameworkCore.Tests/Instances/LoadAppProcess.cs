using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;

/// <summary>
/// An app instance in a process of its own, which a test can kill (SIGKILL, no shutdown): tests/DodoPayments.AspNetCore.LoadApp
/// (built with this project), started with <c>dotnet</c> on a loopback port, the EF Core store on a PostgreSQL database,
/// and a handler that records its runs in <c>handler_runs</c> in the handler's transaction
/// (<c>--Load:RecordRuns true</c>). Its stdout is read line by line, so a test waits for what it writes.
/// </summary>
internal sealed class LoadAppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _lock = new();
    private readonly List<(string Line, TaskCompletionSource Seen)> _waiters = [];

    private LoadAppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data);
    }

    public int Id => _process.Id;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>
    /// Starts the app on <paramref name="connectionString"/>'s database (created there if it has no tables yet, never
    /// dropped) with a 2-second claim lease, and waits until it serves.
    /// </summary>
    public static async Task<LoadAppProcess> StartAsync(string connectionString, params string[] options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        string[] arguments =
        [
            AppPath(), "--urls", "http://127.0.0.1:0", "--Load:Store", "postgres", "--Load:Connection", connectionString,
            "--Load:Reset", "false", "--Load:RecordRuns", "true", "--DodoPayments:Webhooks:ClaimLease", "00:00:02", .. options,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var app = new LoadAppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var listening = await app.WaitForLineAsync("listening ", StartTimeout);
        app.Client = new HttpClient { BaseAddress = new Uri(listening["listening ".Length..]) };
        return app;
    }

    /// <summary>Waits for the first line of output starting with <paramref name="prefix"/>, written already or later.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_lines.FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((prefix, seen));
        }

        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(seen.Task, exited, Task.Delay(timeout)) != seen.Task)
        {
            throw new TimeoutException(
                $"The load app (pid {_process.Id}) {(exited.IsCompleted ? "exited" : $"did not write \"{prefix}…\" within {timeout}")}; its output:\n{Output}");
        }

        lock (_lock)
        {
            return _lines.First(line => line.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    /// <summary>Kills the process and its children at once (SIGKILL: no shutdown, no cleanup), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The app's build output: it is built with this project (a project reference that only orders the build).</summary>
    private static string AppPath()
    {
        var configuration = typeof(LoadAppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "DodoPayments.AspNetCore.LoadApp", "bin", configuration, "net10.0", "DodoPayments.AspNetCore.LoadApp.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"The load app's build (DodoPayments.AspNetCore.LoadApp.dll, {configuration}) was not found above {AppContext.BaseDirectory}.");
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(waiter => line.StartsWith(waiter.Line, StringComparison.Ordinal)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
