using Lab.Systematic.Specifications;

namespace Lab.Coyote.Fixtures;

/// <summary>
/// The lock-order inversion again, but with C# 13's <c>lock</c> on <see cref="System.Threading.Lock"/> objects, which
/// Coyote 1.7.11 does not rewrite: to Coyote those locks are not there, so no schedule switches between them.
/// </summary>
public sealed class SystemLockTransfers
{
    private readonly Lock[] _locks = [new(), new()];
    private readonly int[] _balances = [100, 100];

    /// <summary>The harness: two opposite transfers, each locking source then destination.</summary>
    public static void Run()
    {
        var bank = new SystemLockTransfers();
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
        lock (_locks[from])
        {
            lock (_locks[to])
            {
                _balances[from] -= amount;
                _balances[to] += amount;
            }
        }
    }
}
