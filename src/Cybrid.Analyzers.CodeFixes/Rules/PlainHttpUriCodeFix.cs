using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>CYB0004: rewrites <c>http://</c> to <c>https://</c> (<c>ws://</c> to <c>wss://</c>) in place, keeping the rest of the literal.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlainHttpUriCodeFix)), Shared]
    public sealed class PlainHttpUriCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.PlainHttpUri + ".UseSecureScheme";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PlainHttpUri);

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
                if (!diagnostic.Properties.TryGetValue(PlainHttpUriAnalyzer.SchemeProperty, out var scheme) || scheme == null)
                {
                    continue;
                }

                var document = context.Document;
                var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                if (!IsStringStart(token))
                {
                    // reported at the use of a constant: rewrite the literal where the constant is declared
                    var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    var symbol = model?.GetSymbolInfo(node, context.CancellationToken).Symbol;
                    var literal = symbol == null ? null : PlainHttpUriAnalyzer.DeclaredLiteral(symbol);
                    var declaringDocument = literal == null ? null : document.Project.Solution.GetDocument(literal.SyntaxTree);
                    if (literal == null || declaringDocument == null)
                    {
                        continue;
                    }

                    document = declaringDocument;
                    token = literal.GetFirstToken();
                }

                if (!TryFindScheme(token, scheme, out var schemeSpan))
                {
                    continue;
                }

                var secure = scheme == "ws" ? "wss" : "https";
                var target = document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + secure + "://",
                        ct => ReplaceAsync(target, schemeSpan, secure, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool IsStringStart(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
               || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken)
               || token.IsKind(SyntaxKind.InterpolatedStringStartToken) || token.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken)
               || token.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) || token.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);

        /// <summary>The span of the scheme's characters inside the string token that starts the reported expression.</summary>
        private static bool TryFindScheme(SyntaxToken token, string scheme, out TextSpan span)
        {
            span = default;
            if (token.IsKind(SyntaxKind.InterpolatedStringStartToken) || token.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken)
                || token.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) || token.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken))
            {
                token = token.GetNextToken();
                if (!token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    return false;
                }
            }
            else if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                     && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            {
                return false;
            }

            var text = token.Text;
            var index = text.IndexOf(scheme, StringComparison.OrdinalIgnoreCase);
            if (index < 0 || !string.Equals(token.ValueText.TrimStart().Substring(0, Math.Min(scheme.Length, token.ValueText.TrimStart().Length)), scheme, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            span = new TextSpan(token.SpanStart + index, scheme.Length);
            return true;
        }

        private static async Task<Solution> ReplaceAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.Project.Solution.WithDocumentText(document.Id, text.WithChanges(new TextChange(span, replacement)));
        }
    }
}
