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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// CYB0002: replaces the bank or organization token expression with a call to a customer-token source in reach,
    /// passing the request's customer guid and the least-privilege scopes. The analyzer plans the call (it sees the
    /// request, the scopes and the candidates); no fix is offered where it found no source it could call.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrivilegedTokenOnCustomerRequestCodeFix)), Shared]
    public sealed class PrivilegedTokenOnCustomerRequestCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.PrivilegedTokenOnCustomerRequest + ".UseCustomerToken";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PrivilegedTokenOnCustomerRequest);

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
                if (!diagnostic.Properties.TryGetValue(PrivilegedTokenOnCustomerRequestAnalyzer.ReplacementProperty, out var replacement) || replacement == null
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax token)
                    || token.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(PrivilegedTokenOnCustomerRequestAnalyzer.SourceProperty, out var source);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use a customer token from " + (source ?? "the customer-token source"),
                        ct => ReplaceAsync(document, token.Span, replacement, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !(root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax token))
            {
                return document;
            }

            var call = SyntaxFactory.ParseExpression(replacement);
            if (call.ContainsDiagnostics)
            {
                return document;
            }

            if (NeedsParentheses(token))
            {
                call = SyntaxFactory.ParenthesizedExpression(call);
            }

            // a static source is written fully qualified (global::Acme.Tokens.Issue): let the simplifier shorten the type name
            call = call.ReplaceNodes(call.DescendantNodes(), (original, rewritten) => original is NameSyntax || original is MemberAccessExpressionSyntax
                ? rewritten.WithAdditionalAnnotations(Simplifier.Annotation)
                : rewritten);
            call = call.WithTriviaFrom(token).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(token, call));
        }

        /// <summary>An <c>await</c> in a postfix position (<c>token.Trim()</c>, <c>token[0]</c>) needs parentheses.</summary>
        private static bool NeedsParentheses(ExpressionSyntax token)
        {
            switch (token.Parent)
            {
                case MemberAccessExpressionSyntax member:
                    return member.Expression == token;
                case ElementAccessExpressionSyntax element:
                    return element.Expression == token;
                case ConditionalAccessExpressionSyntax conditional:
                    return conditional.Expression == token;
                case InvocationExpressionSyntax invocation:
                    return invocation.Expression == token;
                case PostfixUnaryExpressionSyntax _:
                    return true;
                default:
                    return false;
            }
        }
    }
}
