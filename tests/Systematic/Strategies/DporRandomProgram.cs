using System.Text;
using Lab.Systematic.Specifications;
using Lab.Systematic.Threading;

namespace Lab.Systematic.Tests.Strategies;

/// <summary>
/// A small random concurrent program (threads, two locks, two shared variables, an atomic cell, assertions), built
/// from a seed so that a failing case can be rebuilt and read: <see cref="ToString"/> prints it.
/// </summary>
internal sealed class DporRandomProgram
{
    private enum Op { Write, AssertNot, Increment, LockedIncrement, NestedLocks, TryLockedIncrement, AtomicIncrement }

    private readonly record struct Instruction(Op Op, int Variable, int Value, int Lock, int OtherLock);

    private readonly List<List<Instruction>> _threads = [];
    private readonly int? _finalForbidden;

    public DporRandomProgram(int seed)
    {
        var random = new Random(seed);
        int threads = random.Next(2, 4);
        for (int t = 0; t < threads; t++)
        {
            var body = new List<Instruction>();
            int length = random.Next(1, threads == 2 ? 4 : 3);
            for (int i = 0; i < length; i++)
            {
                var op = (Op)random.Next(0, 7);
                int variable = random.Next(0, 2), value = random.Next(0, 3), first = random.Next(0, 2);
                body.Add(new Instruction(op, variable, value, first, 1 - first));
            }
            _threads.Add(body);
        }
        _finalForbidden = random.Next(0, 2) == 0 ? random.Next(0, 4) : null;
    }

    /// <summary>The explored body: start every thread, join them, check the final assertion.</summary>
    public void Run()
    {
        Shared<int>[] variables = [new(0, "v0"), new(0, "v1")];
        Lock[] locks = [new("L0"), new("L1")];
        int[] cell = [0];
        var threads = _threads.Select((body, t) => new ControlledThread(() =>
        {
            foreach (Instruction instruction in body) Execute(instruction, variables, locks, cell);
        }, $"T{t}")).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (_finalForbidden is { } forbidden) Specification.Assert(variables[0].Read() != forbidden, $"v0 ended as {forbidden}");
    }

    private static void Execute(Instruction instruction, Shared<int>[] variables, Lock[] locks, int[] cell)
    {
        Shared<int> variable = variables[instruction.Variable];
        switch (instruction.Op)
        {
            case Op.Write:
                variable.Write(instruction.Value);
                break;
            case Op.AssertNot:
                Specification.Assert(variable.Read() != instruction.Value + 1, $"{variable.Name} was {instruction.Value + 1}");
                break;
            case Op.Increment:
                variable.Write(variable.Read() + 1);
                break;
            case Op.LockedIncrement:
                using (locks[instruction.Lock].EnterScope()) variable.Write(variable.Read() + 1);
                break;
            case Op.NestedLocks:
                using (locks[instruction.Lock].EnterScope())
                {
                    using (locks[instruction.OtherLock].EnterScope()) variable.Write(instruction.Value);
                }
                break;
            case Op.TryLockedIncrement:
                if (locks[instruction.Lock].TryEnter())
                {
                    variable.Write(variable.Read() + 1);
                    locks[instruction.Lock].Exit();
                }
                break;
            default:
                Threading.Interlocked.Increment(ref cell[0]);
                break;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (int t = 0; t < _threads.Count; t++)
        {
            text.Append($"T{t}: ").AppendJoin("; ", _threads[t].Select(i => i.Op switch
            {
                Op.Write => $"v{i.Variable} = {i.Value}",
                Op.AssertNot => $"assert v{i.Variable} != {i.Value + 1}",
                Op.Increment => $"v{i.Variable}++",
                Op.LockedIncrement => $"lock L{i.Lock} {{ v{i.Variable}++ }}",
                Op.NestedLocks => $"lock L{i.Lock} {{ lock L{i.OtherLock} {{ v{i.Variable} = {i.Value} }} }}",
                Op.TryLockedIncrement => $"if tryLock L{i.Lock} {{ v{i.Variable}++ }}",
                _ => "atomic cell++",
            })).AppendLine();
        }
        if (_finalForbidden is { } forbidden) text.AppendLine($"main: join all; assert v0 != {forbidden}");
        return text.ToString();
    }
}
