using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// CYB0006: replaces the logged token with <c>"[REDACTED]"</c> in place, so message-template arguments stay
    /// aligned (inside an interpolated string the hole becomes the text <c>[REDACTED]</c>); a whole
    /// <c>HttpRequestMessage</c> becomes its method and URI.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretWrittenToLogCodeFix)), Shared]
    public sealed class SecretWrittenToLogCodeFix : CodeFixProvider
    {
        /// <summary>One key for both actions, so Fix All redacts every finding of a scope at once.</summary>
        public const string EquivalenceKey = RuleIdentifiers.SecretWrittenToLog + ".RedactLoggedValue";

        private const string RedactedLiteral = "\"" + SecretWrittenToLogAnalyzer.Redacted + "\"";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SecretWrittenToLog);

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
                if (!diagnostic.Properties.TryGetValue(SecretWrittenToLogAnalyzer.FixProperty, out var fix) || fix == null
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax node)
                    || node.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }

                var change = fix == SecretWrittenToLogAnalyzer.RequestLineFix ? RequestLine(node) : Redact(node);
                if (change == null)
                {
                    continue;
                }

                var title = fix == SecretWrittenToLogAnalyzer.RequestLineFix
                    ? "Log the request's method and URI instead"
                    : "Replace the logged value with " + RedactedLiteral;
                var document = context.Document;
                var textChange = change.Value;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(document, textChange, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary><c>token</c> → <c>"[REDACTED]"</c>; <c>$"…{token}…"</c> → <c>$"…[REDACTED]…"</c>; <c>new { token }</c> → <c>new { token = "[REDACTED]" }</c>.</summary>
        private static TextChange? Redact(ExpressionSyntax node)
        {
            if (node.Parent is InterpolationSyntax hole && hole.Expression == node)
            {
                return new TextChange(hole.Span, SecretWrittenToLogAnalyzer.Redacted);
            }

            return Replace(node, RedactedLiteral);
        }

        /// <summary><c>request</c> (or <c>request.ToString()</c>) → <c>$"{request.Method} {request.RequestUri}"</c>; inside a hole, two holes.</summary>
        private static TextChange? RequestLine(ExpressionSyntax node)
        {
            var request = node is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access,
                ArgumentList.Arguments.Count: 0,
            }
                ? access.Expression
                : node;
            var text = request.ToString();
            if (node.Parent is InterpolationSyntax hole && hole.Expression == node)
            {
                var open = hole.OpenBraceToken.Text;
                var close = hole.CloseBraceToken.Text;
                return new TextChange(hole.Span, open + text + ".Method" + close + " " + open + text + ".RequestUri" + close);
            }

            return Replace(node, "$\"{" + text + ".Method} {" + text + ".RequestUri}\"");
        }

        private static TextChange? Replace(ExpressionSyntax node, string replacement)
        {
            // new { token } takes its member name from the expression; keep the name when the expression goes
            if (node.Parent is AnonymousObjectMemberDeclaratorSyntax { NameEquals: null })
            {
                var name = SyntaxFacts.TryGetInferredMemberName(node);
                if (name == null)
                {
                    return null;
                }

                replacement = name + " = " + replacement;
            }

            return new TextChange(node.Span, replacement);
        }

        private static async Task<Document> ApplyAsync(Document document, TextChange change, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(change));
        }
    }
}
