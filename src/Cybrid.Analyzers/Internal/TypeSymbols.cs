using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// Type tests every rule uses, against types resolved once per compilation by <see cref="WellKnownTypes"/>.
    /// A missing expected type (the compilation does not reference it) never matches. Generic types are compared by
    /// their definition (<c>ILogger&lt;T&gt;</c> is <c>ILogger`1</c>).
    /// </summary>
    internal static class TypeSymbols
    {
        public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
            => expected != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        public static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (expected == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
