using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// For rules that start from the leaves of a value (literals, constant references) and judge the value or the place
    /// it goes once per leaf: which of those leaves reports a diagnostic. The driver keeps a diagnostic with the analysis
    /// of the operation it was reported for only when it lies inside that operation, so the reporting leaf is the first
    /// one, in tree order, that the diagnostic's location covers (or the first one when none is covered).
    /// </summary>
    internal static class LeafReporting
    {
        /// <summary>
        /// The leaf under <paramref name="scope"/> that reports a diagnostic at <paramref name="location"/>;
        /// <paramref name="isLeafOf"/> says whether an operation is one of the scope's leaves.
        /// </summary>
        public static IOperation? ReportingLeaf(IOperation scope, TextSpan location, Func<IOperation, IOperation, bool> isLeafOf)
        {
            IOperation? first = null;
            foreach (var operation in scope.Descendants())
            {
                if (isLeafOf(operation, scope))
                {
                    if (operation.Syntax.Span.IntersectsWith(location))
                    {
                        return operation;
                    }

                    first ??= operation;
                }
            }

            return first;
        }
    }
}
