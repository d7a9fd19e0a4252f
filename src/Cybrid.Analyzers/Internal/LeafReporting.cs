using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

    /// <summary>
    /// The reporting side of one leaf's callback: the operation judged for the leaf (the value it belongs to, or the
    /// place that takes it) and a <see cref="ReportDiagnostic"/> that passes a diagnostic on only from the leaf
    /// <see cref="LeafReporting.ReportingLeaf"/> picks, so a value of several leaves is reported once.
    /// </summary>
    internal readonly struct LeafReporter
    {
        private readonly OperationAnalysisContext _context;
        private readonly IOperation _leaf;
        private readonly Func<IOperation, IOperation, bool> _isLeafOf;

        public LeafReporter(OperationAnalysisContext context, IOperation leaf, IOperation operation, Func<IOperation, IOperation, bool> isLeafOf)
        {
            _context = context;
            _leaf = leaf;
            _isLeafOf = isLeafOf;
            Operation = operation;
        }

        /// <summary>The operation judged for the leaf: the leaf itself, the value around it, or the place it goes.</summary>
        public IOperation Operation { get; }

        public ISymbol ContainingSymbol => _context.ContainingSymbol;

        public AnalyzerOptions Options => _context.Options;

        public void ReportDiagnostic(Diagnostic diagnostic)
        {
            if (_leaf == Operation || LeafReporting.ReportingLeaf(Operation, diagnostic.Location.SourceSpan, _isLeafOf) == _leaf)
            {
                _context.ReportDiagnostic(diagnostic);
            }
        }
    }
}
