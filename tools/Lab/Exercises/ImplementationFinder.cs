using System.Linq.Expressions;
using System.Reflection;
using Lab.Cli.Commands;

namespace Lab.Cli.Exercises;

/// <summary>Finds the one class in a submission that implements a scenario's contract, so students may name it freely.</summary>
public static class ImplementationFinder
{
    /// <summary>The concrete class with a parameterless constructor implementing <paramref name="contract"/>; otherwise a <see cref="UsageException"/> saying what is wrong.</summary>
    public static Type Find(Assembly assembly, Type contract)
    {
        var candidates = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && contract.IsAssignableFrom(t))
            .ToList();
        var constructible = candidates.Where(t => t.GetConstructor(Type.EmptyTypes) is not null).ToList();
        return constructible.Count switch
        {
            1 => constructible[0],
            0 when candidates.Count > 0 => throw new UsageException(
                $"{candidates[0].Name} implements {contract.Name} but has no public parameterless constructor; the harness creates it with 'new()'"),
            0 => throw new UsageException($"no class implements {contract.FullName}; keep the class of the starter file and its ': {contract.Name}'"),
            _ => throw new UsageException(
                $"several classes implement {contract.Name} ({string.Join(", ", constructible.Select(t => t.Name))}); keep exactly one"),
        };
    }

    /// <summary>
    /// A factory that creates a fresh instance of <paramref name="implementation"/> for each iteration; compiled, so an
    /// exception in the student's constructor reaches the report as itself, not wrapped in a reflection exception.
    /// </summary>
    public static Func<object> FactoryFor(Type implementation) =>
        Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(implementation), typeof(object))).Compile();
}
