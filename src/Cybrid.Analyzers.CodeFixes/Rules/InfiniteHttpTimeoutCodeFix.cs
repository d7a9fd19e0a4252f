using Cybrid.Analyzers.Internal;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// CYB0005: replaces the infinite or too long timeout at the reported place with the recommended one —
    /// <c>TimeSpan.FromSeconds(30)</c> for TimeSpan members and CancellationTokenSource delays, <c>30000</c> for
    /// millisecond <c>int</c> members. A constant, local or field the value came through is left as it is: it may
    /// serve other code, and only this use feeds an HTTP timeout.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InfiniteHttpTimeoutCodeFix)), Shared]
    public sealed class InfiniteHttpTimeoutCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.InfiniteHttpTimeout + ".UseBoundedTimeout";

        private static readonly SyntaxAnnotation ImportAnnotation = new SyntaxAnnotation(nameof(InfiniteHttpTimeoutCodeFix));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InfiniteHttpTimeout);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(InfiniteHttpTimeoutAnalyzer.UnitProperty, out var unit)
                    || !diagnostic.Properties.TryGetValue(InfiniteHttpTimeoutAnalyzer.ValueProperty, out var valueText)
                    || !long.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression)
                    || expression.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }

                var isTimeSpan = unit == InfiniteHttpTimeoutAnalyzer.TimeSpanUnit;
                var title = isTimeSpan
                    ? "Use TimeSpan.FromSeconds(" + valueText + ")"
                    : "Use " + valueText + " ms";
                var document = context.Document;
                var isArgument = diagnostic.Properties.ContainsKey(InfiniteHttpTimeoutAnalyzer.ArgumentProperty);
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(document, expression, isTimeSpan, value, isArgument, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(
            Document document, ExpressionSyntax expression, bool isTimeSpan, long value, bool isArgument, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var generator = editor.Generator;
            SyntaxNode replacement;
            if (isTimeSpan)
            {
                var timeSpan = WellKnownTypes.GetOrCreate(editor.SemanticModel.Compilation).Get(WellKnownTypeNames.TimeSpan);
                if (timeSpan == null)
                {
                    return document;
                }

                replacement = generator.InvocationExpression(
                    generator.MemberAccessExpression(generator.TypeExpression(timeSpan), "FromSeconds"),
                    generator.LiteralExpression((int)value));
            }
            else
            {
                replacement = generator.LiteralExpression((int)value);
            }

            replacement = replacement.WithTriviaFrom(expression).WithAdditionalAnnotations(ImportAnnotation);

            // new CancellationTokenSource(millisecondsDelay: -1): the TimeSpan overload names its parameter "delay";
            // the one argument needs no name.
            if (isArgument && expression.Parent is ArgumentSyntax { NameColon: { } } argument)
            {
                editor.ReplaceNode(argument, argument.WithNameColon(null).WithExpression((ExpressionSyntax)replacement).WithTriviaFrom(argument));
            }
            else
            {
                editor.ReplaceNode(expression, replacement);
            }

            // Add "using System;" where the file lacks it; the code action's clean-up then shortens the
            // global::System.TimeSpan that TypeExpression wrote to TimeSpan.
            var changed = editor.GetChangedDocument();
            return isTimeSpan
                ? await ImportAdder.AddImportsAsync(changed, ImportAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false)
                : changed;
        }
    }
}
