using System.Runtime.CompilerServices;
using Lab.Systematic.Detection;
using Lab.Systematic.Runtime;

namespace Lab.Systematic.Threading;

/// <summary>
/// A variable shared between threads whose every read and write is a scheduling point, so plain races (a lost
/// <c>count++</c>) become visible, and whose accesses are checked for happens-before data races. Outside an
/// exploration it is a plain field.
/// </summary>
public sealed class Shared<T>
{
    private readonly ControlledRuntime? _runtime;
    private readonly SharedAccessHistory? _history;
    private T _value;

    /// <summary>Creates the variable with an initial value; <paramref name="name"/> appears in traces and race reports.</summary>
    public Shared(T initialValue = default!, string? name = null)
    {
        _value = initialValue;
        Name = name ?? "shared";
        _runtime = ControlledRuntime.Current;
        if (_runtime?.Races is not null) _history = new SharedAccessHistory(Name);
    }

    /// <summary>The name shown in traces and race reports.</summary>
    public string Name { get; }

    /// <summary>Reads or writes the value (without a source line in traces; prefer <see cref="Read"/> and <see cref="Write"/>).</summary>
    public T Value
    {
        get => Read(null!, 0);
        set => Write(value, null!, 0);
    }

    /// <summary>Reads the value: a scheduling point.</summary>
    public T Read([CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Shared.Read");
            return _value;
        }
        ControlledOperation operation = _runtime.Enter("Shared.Read");
        _runtime.SchedulingPoint(operation);
        T value = _value;
        if (_history is not null) _runtime.Races!.Access(operation, _history, isWrite: false, file, line);
        _runtime.Record(operation, "read", Name, file, line, Payload(value));
        return value;
    }

    /// <summary>Writes the value: a scheduling point.</summary>
    public void Write(T value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_runtime is null)
        {
            ControlledRuntime.CheckRealUse("Shared.Write");
            _value = value;
            return;
        }
        ControlledOperation operation = _runtime.Enter("Shared.Write");
        _runtime.SchedulingPoint(operation);
        _value = value;
        if (_history is not null) _runtime.Races!.Access(operation, _history, isWrite: true, file, line);
        _runtime.Record(operation, "write", Name, file, line, Payload(value));
    }

    /// <summary>Shows the value in traces when it is a number or a boolean; the type tests fold away at JIT time.</summary>
    private static long? Payload(T value)
    {
        if (typeof(T) == typeof(int)) return Unsafe.As<T, int>(ref value);
        if (typeof(T) == typeof(long)) return Unsafe.As<T, long>(ref value);
        if (typeof(T) == typeof(bool)) return Unsafe.As<T, bool>(ref value) ? 1 : 0;
        return null;
    }

    /// <summary>Shows the name and the value, without a scheduling point (for messages).</summary>
    public override string ToString() => $"{Name} = {_value}";
}
