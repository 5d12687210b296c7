// Over-serialised: one FIFO ticket mutex, spun on with Yield, around every operation of the bank.
using Lab.Scenarios.Races;
using Lab.Systematic.Threading;

namespace Exercises;

public sealed class Bank : IBank
{
    private readonly int[] _balances = new int[2];
    private int _nextTicket;
    private int _serving;

    public void Deposit(int account, int amount)
    {
        Enter();
        _balances[account] += amount;
        Exit();
    }

    public void Transfer(int from, int to, int amount)
    {
        Enter();
        _balances[from] -= amount;
        _balances[to] += amount;
        Exit();
    }

    public int TotalBalance()
    {
        Enter();
        int total = _balances[0] + _balances[1];
        Exit();
        return total;
    }

    private void Enter()
    {
        int ticket = Interlocked.Increment(ref _nextTicket) - 1;
        while (Volatile.Read(ref _serving) != ticket)
        {
            ControlledThread.Yield();
        }
    }

    private void Exit() => Interlocked.Increment(ref _serving);
}
