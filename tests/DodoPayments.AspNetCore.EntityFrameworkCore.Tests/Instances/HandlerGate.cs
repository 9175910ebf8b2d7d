namespace DodoPayments.AspNetCore.EntityFrameworkCore.Tests.Instances;

/// <summary>Holds the handlers of in-process app instances until the test opens it (open from the start unless closed).</summary>
public sealed class HandlerGate(bool open = true)
{
    private readonly TaskCompletionSource _opened = NewOpened(open);
    private int _entered;

    /// <summary>How many handler runs reached the gate.</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Lets every waiting and later handler through.</summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Waits, in a handler, until the gate is open.</summary>
    public Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _entered);
        return _opened.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewOpened(bool open)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            opened.SetResult();
        }

        return opened;
    }
}
