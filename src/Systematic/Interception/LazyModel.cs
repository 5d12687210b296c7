using System.Runtime.ExceptionServices;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Interception;

/// <summary>
/// A <see cref="Lazy{T}"/> created inside an exploration: its factory, mode and outcome, kept here because the real
/// lazy's own lock would block a controlled thread for real. Its gate is an object locked through the controlled
/// Monitor, named after the lazy.
/// </summary>
internal sealed class LazyModel<T>(Func<T> factory, LazyThreadSafetyMode mode, string name)
{
    private readonly object _gate = new();
    private bool _created;
    private bool _building;
    private T? _value;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Lazy.Value inside the exploration.</summary>
    public T Value(string file, int line) => mode switch
    {
        LazyThreadSafetyMode.ExecutionAndPublication => ValueUnderTheGate(file, line),
        LazyThreadSafetyMode.PublicationOnly => ValueFirstPublished(file, line),
        _ => ValueUnsynchronised(file, line),
    };

    /// <summary>Lazy.IsValueCreated inside the exploration: a step that reads it.</summary>
    public bool IsCreated(string file, int line)
    {
        Step("IsValueCreated", file, line, _created ? 1 : 0);
        return _created;
    }

    private T ValueUnderTheGate(string file, int line)
    {
        MonitorStandIn.Enter(_gate, file, line, name);
        try
        {
            if (!_created && _failure is null) Build();
        }
        finally
        {
            MonitorStandIn.Exit(_gate, file, line, name);
        }
        return Outcome();
    }

    private T ValueFirstPublished(string file, int line)
    {
        Step("read Value", file, line, _created ? 1 : 0);
        if (_created) return _value!;
        T built = factory();
        Step(_created ? "publish lost" : "publish", file, line);
        if (!_created)
        {
            _value = built;
            _created = true;
        }
        return _value!;
    }

    private T ValueUnsynchronised(string file, int line)
    {
        Step("read Value", file, line, _created ? 1 : 0);
        if (!_created && _failure is null)
        {
            Build();
            Step("write Value", file, line);
        }
        return Outcome();
    }

    private void Build()
    {
        // The real Lazy throws when its factory reads the same lazy's Value again (it would recurse forever).
        if (_building) throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
        _building = true;
        try
        {
            _value = factory();
            _created = true;
        }
        catch (Exception exception) when (exception is not ExecutionCanceledException)
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            _building = false;
        }
    }

    private T Outcome()
    {
        _failure?.Throw();
        return _value!;
    }

    private void Step(string action, string file, int line, long? value = null)
    {
        ControlledRuntime runtime = ControlledRuntime.Current!;
        ControlledOperation operation = runtime.Enter("Lazy.Value");
        runtime.SchedulingPoint(operation);
        runtime.Record(operation, action, name, file, line, value);
    }
}
