using Lab.Systematic.Detection;
using Lab.Systematic.Specifications;

namespace Lab.Scenarios.Races;

/// <summary>A position made of two coordinates that are always set together.</summary>
public interface IPositionRegister
{
    /// <summary>Sets both coordinates, as one update.</summary>
    void Set(int x, int y);

    /// <summary>Returns both coordinates of one update.</summary>
    (int X, int Y) Get();
}

/// <summary>A writer moves the position from (1, 1) to (2, 2) while a reader looks: it must never see a mix.</summary>
public sealed class TornValue : Scenario<IPositionRegister, TornValue.Buggy, TornValue.Fixed>
{
    /// <inheritdoc />
    public override string Id => "races/torn-value";

    /// <inheritdoc />
    public override string Title => "Torn multi-field value";

    /// <inheritdoc />
    public override HazardFamily Family => HazardFamily.Races;

    /// <inheritdoc />
    public override string BugExplanation =>
        "The two fields are written one after the other and read one after the other without a lock.\n" +
        "A reader between the writer's two writes gets x from one update and y from the other.";

    /// <inheritdoc />
    public override string FixExplanation =>
        "Guard both fields with one lock in Set and in Get, so a reader sees a whole update or none of it\n" +
        "(publishing an immutable pair through one reference works too).";

    /// <inheritdoc />
    public override BugKind ExpectedBug => BugKind.AssertionFailure;

    /// <inheritdoc />
    public override string Oracle => "every position the reader sees has x equal to y (the writer only writes such pairs)";

    /// <inheritdoc />
    protected override void Run(IPositionRegister position)
    {
        position.Set(1, 1);
        var writer = new Thread(() => position.Set(2, 2)) { Name = "writer" };
        var reader = new Thread(() =>
        {
            (int x, int y) = position.Get();
            Specification.Assert(x == y, $"the reader saw ({x}, {y}): halves of two different updates");
        }) { Name = "reader" };
        writer.Start();
        reader.Start();
        writer.Join();
        reader.Join();
    }

    /// <summary>Two independent fields, written and read one at a time.</summary>
    public sealed class Buggy : IPositionRegister
    {
        private int _x;
        private int _y;

        /// <inheritdoc />
        public void Set(int x, int y)
        {
            _x = x;
            _y = y;
        }

        /// <inheritdoc />
        public (int X, int Y) Get() => (_x, _y);
    }

    /// <summary>Both fields are written and read under one lock.</summary>
    public sealed class Fixed : IPositionRegister
    {
        private readonly object _gate = new();
        private int _x;
        private int _y;

        /// <inheritdoc />
        public void Set(int x, int y)
        {
            lock (_gate)
            {
                _x = x;
                _y = y;
            }
        }

        /// <inheritdoc />
        public (int X, int Y) Get()
        {
            lock (_gate) return (_x, _y);
        }
    }
}
