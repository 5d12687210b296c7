// Hostile submission: lambdas nested inside calls of an overloaded method, which the compiler binds once per
// overload at every level: each level costs it about twice as long as the one inside.
using Lab.Scenarios.Races;

namespace Exercises;

public sealed class Counter : ICounter
{
    private static int F(Func<int, int> f) => 0;
    private static int F(Func<long, int> f) => 1;
    private static int F(Func<short, int> f) => 2;

    public void Increment() { }

    public int Value => F(x0 => F(x1 => F(x2 => F(x3 => F(x4 => F(x5 => F(x6 => F(x7 => F(x8 => F(x9 => F(x10 => F(x11 => F(x12 => F(x13 => F(x14 => F(x15 => F(x16 => F(x17 => F(x18 => F(x19 => F(x20 => F(x21 => F(x22 => F(x23 => 0))))))))))))))))))))))));
}
