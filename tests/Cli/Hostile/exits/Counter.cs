// Hostile submission: a correct fix that then ends the grading process.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Counter : ICounter
{
    private readonly Lock _gate = new("counter-lock");
    private readonly Shared<int> _count = new(0, "count");

    public void Increment()
    {
        using (_gate.EnterScope())
        {
            _count.Write(_count.Read() + 1);
            Environment.Exit(3);
        }
    }

    public int Value
    {
        get
        {
            using (_gate.EnterScope())
            {
                return _count.Read();
            }
        }
    }
}
