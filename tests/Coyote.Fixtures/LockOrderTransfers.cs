using Lab.Systematic.Specifications;

namespace Lab.Coyote.Fixtures;

/// <summary>Transfers 0→1 and 1→0 at once; locking source then destination can deadlock, locking the lower account first cannot.</summary>
public sealed class LockOrderTransfers(bool ordered)
{
    private readonly object[] _locks = [new(), new()];
    private readonly int[] _balances = [100, 100];

    /// <summary>The harness: two opposite transfers, then the oracle "balances are 90 and 110".</summary>
    public static void Run(bool ordered)
    {
        var bank = new LockOrderTransfers(ordered);
        var forward = new Thread(() => bank.Transfer(0, 1, 30));
        var backward = new Thread(() => bank.Transfer(1, 0, 20));
        forward.Start();
        backward.Start();
        forward.Join();
        backward.Join();
        Specification.Assert(bank._balances[0] == 90 && bank._balances[1] == 110, "balances are not 90 and 110");
    }

    private void Transfer(int from, int to, int amount)
    {
        int first = ordered ? Math.Min(from, to) : from;
        int second = ordered ? Math.Max(from, to) : to;
        lock (_locks[first])
        {
            lock (_locks[second])
            {
                _balances[from] -= amount;
                _balances[to] += amount;
            }
        }
    }
}
