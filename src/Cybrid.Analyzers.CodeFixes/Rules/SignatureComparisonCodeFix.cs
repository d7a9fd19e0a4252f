using Cybrid.Analyzers.Internal;
using System;
using System.Collections.Generic;
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

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// CYB0003: rewrites a signature comparison to <c>CryptographicOperations.FixedTimeEquals(a, b)</c> (negated for a
    /// "not equal" comparison). Byte arrays and spans are passed as they are, strings as <c>Encoding.UTF8.GetBytes(x)</c>,
    /// lower-cased first when the comparison ignored case. Adds the <c>using</c>s it needs.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignatureComparisonCodeFix)), Shared]
    public sealed class SignatureComparisonCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.NonConstantTimeSignatureComparison + ".UseFixedTimeEquals";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.NonConstantTimeSignatureComparison);

        // One pass per document: several comparisons share the added usings, and a comparison may sit inside another's operand.
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!IsFixable(diagnostic))
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Compare with CryptographicOperations.FixedTimeEquals",
                        ct => FixAsync(document, ImmutableArray.Create(diagnostic), ct),
                        EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static bool IsFixable(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(SignatureComparisonAnalyzer.FixableProperty, out var fixable) && fixable == "true";

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var cryptographicOperations = (model == null ? null : WellKnownTypes.GetOrCreate(model.Compilation).Get(WellKnownTypeNames.CryptographicOperations));
            var encoding = (model == null ? null : WellKnownTypes.GetOrCreate(model.Compilation).Get(WellKnownTypeNames.Encoding));
            if (root == null || model == null || cryptographicOperations == null || encoding == null)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, (Plan Plan, Names Names)>();
            var namespaces = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics)
            {
                if (!IsFixable(diagnostic) || !TryReadPlan(diagnostic, out var plan))
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var position = diagnostic.Location.SourceSpan.Start;
                var names = new Names(
                    NameAt(model, position, cryptographicOperations, namespaces, cancellationToken),
                    NameAt(model, position, encoding, namespaces: null, cancellationToken));
                if (!(node is ExpressionSyntax) || Build(node, plan, names) == null || replacements.ContainsKey(node))
                {
                    continue;
                }

                if (NeedsEncoding(plan))
                {
                    NameAt(model, position, encoding, namespaces, cancellationToken);
                }

                replacements.Add(node, (plan, names));
            }

            if (replacements.Count == 0)
            {
                return document;
            }

            // ReplaceNodes hands each comparison over with the comparisons inside its operands already rewritten.
            var newRoot = root.ReplaceNodes(replacements.Keys, (original, current) =>
            {
                var (plan, names) = replacements[original];
                return Build(current, plan, names) ?? current;
            });
            if (newRoot is CompilationUnitSyntax unit)
            {
                var endOfLine = EndOfLine(root);
                foreach (var ns in namespaces)
                {
                    unit = AddUsing(unit, ns, endOfLine);
                }

                newRoot = unit;
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static bool NeedsEncoding(Plan plan)
            => (plan.First != OperandKind.Bytes && plan.First != OperandKind.ByteMemory) || (plan.Second != OperandKind.Bytes && plan.Second != OperandKind.ByteMemory);

        /// <summary>The two type names the replacement uses, as they can be written at the comparison.</summary>
        private sealed class Names
        {
            public Names(string cryptographicOperations, string encoding)
            {
                CryptographicOperations = cryptographicOperations;
                Encoding = encoding;
            }

            public string CryptographicOperations { get; }

            public string Encoding { get; }
        }

        /// <summary>
        /// The simple name when it already means <paramref name="type"/> at <paramref name="position"/>, or when it means
        /// nothing there (then the type's namespace goes into <paramref name="namespaces"/> for a <c>using</c>); the
        /// qualified name when the simple one means something else.
        /// </summary>
        private static string NameAt(SemanticModel model, int position, INamedTypeSymbol type, SortedSet<string>? namespaces, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.IdentifierName(type.Name), SpeculativeBindingOption.BindAsTypeOrNamespace);
            if (SymbolEqualityComparer.Default.Equals(info.Symbol, type))
            {
                return type.Name;
            }

            var ns = type.ContainingNamespace.ToDisplayString();
            if (info.Symbol == null && info.CandidateSymbols.IsEmpty)
            {
                namespaces?.Add(ns);
                return type.Name;
            }

            return ns + "." + type.Name;
        }

        /// <summary>Adds <c>using <paramref name="ns"/>;</c> where the file keeps its usings, in order (System first).</summary>
        private static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns, string endOfLine)
        {
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));

            if (unit.Usings.Count == 0)
            {
                foreach (var member in unit.Members)
                {
                    if (member is BaseNamespaceDeclarationSyntax { Usings: { Count: > 0 } } namespaceDeclaration)
                    {
                        return unit.ReplaceNode(namespaceDeclaration, namespaceDeclaration.WithUsings(Insert(namespaceDeclaration.Usings, directive, ns)));
                    }
                }

                if (unit.Externs.Count == 0)
                {
                    // no usings anywhere: the new one goes first, then a blank line. The file's leading comments stay above
                    // it, unless they belong to the first declaration (documentation) or are directives.
                    var first = unit.GetFirstToken();
                    var leading = first.LeadingTrivia;
                    var keepOnMember = false;
                    foreach (var trivia in leading)
                    {
                        keepOnMember |= trivia.IsDirective || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
                    }

                    var blankLine = SyntaxFactory.EndOfLine(endOfLine);
                    if (!keepOnMember)
                    {
                        directive = directive.WithLeadingTrivia(leading);
                        unit = unit.ReplaceToken(first, first.WithLeadingTrivia(blankLine));
                    }
                    else
                    {
                        unit = unit.ReplaceToken(first, first.WithLeadingTrivia(leading.Insert(0, blankLine)));
                    }

                    return unit.WithUsings(SyntaxFactory.SingletonList(directive));
                }
            }

            return unit.WithUsings(Insert(unit.Usings, directive, ns));
        }

        private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive, string ns)
        {
            foreach (var existing in usings)
            {
                if (existing.Alias == null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name != null && existing.Name.ToString() == ns)
                {
                    return usings;
                }
            }

            var index = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                var existing = usings[i];
                if (!existing.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    continue; // global usings come first in a file
                }

                if (existing.Alias != null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name == null || CompareNamespaces(ns, existing.Name.ToString()) < 0)
                {
                    index = i;
                    break;
                }
            }

            if (index < usings.Count)
            {
                // the new directive takes over the leading trivia (comments, blank lines) of the one it goes before
                var next = usings[index];
                directive = directive.WithLeadingTrivia(next.GetLeadingTrivia());
                usings = usings.Replace(next, next.WithLeadingTrivia(Indentation(next.GetLeadingTrivia())));
            }
            else if (usings.Count > 0)
            {
                directive = directive.WithLeadingTrivia(Indentation(usings[usings.Count - 1].GetLeadingTrivia()));
            }

            return usings.Insert(index, directive);
        }

        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
            => leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading[leading.Count - 1]) : SyntaxFactory.TriviaList();

        private static int CompareNamespaces(string left, string right)
        {
            var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
            var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
            if (leftSystem != rightSystem)
            {
                return leftSystem ? -1 : 1;
            }

            return StringComparer.OrdinalIgnoreCase.Compare(left, right);
        }

        private static string EndOfLine(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia.ToString();
                }
            }

            return "\n";
        }

        private sealed class Plan
        {
            public ComparisonShape Shape { get; set; }

            public bool Negate { get; set; }

            public bool IgnoreCase { get; set; }

            public OperandKind First { get; set; }

            public OperandKind Second { get; set; }

            public bool CallOnLeft { get; set; }
        }

        private static bool TryReadPlan(Diagnostic diagnostic, out Plan plan)
        {
            var properties = diagnostic.Properties;
            plan = new Plan();
            if (!properties.TryGetValue(SignatureComparisonAnalyzer.ShapeProperty, out var shape) || !Enum.TryParse<ComparisonShape>(shape, out var parsedShape)
                || !properties.TryGetValue(SignatureComparisonAnalyzer.FirstKindProperty, out var first) || !Enum.TryParse<OperandKind>(first, out var firstKind)
                || !properties.TryGetValue(SignatureComparisonAnalyzer.SecondKindProperty, out var second) || !Enum.TryParse<OperandKind>(second, out var secondKind))
            {
                return false;
            }

            plan.Shape = parsedShape;
            plan.First = firstKind;
            plan.Second = secondKind;
            plan.Negate = properties.TryGetValue(SignatureComparisonAnalyzer.NegateProperty, out var negate) && negate == "true";
            plan.IgnoreCase = properties.TryGetValue(SignatureComparisonAnalyzer.IgnoreCaseProperty, out var ignoreCase) && ignoreCase == "true";
            plan.CallOnLeft = !properties.TryGetValue(SignatureComparisonAnalyzer.CallSideProperty, out var side) || side != "Right";
            return true;
        }

        /// <summary>The FixedTimeEquals call that replaces <paramref name="comparison"/>; null when its operands cannot be found.</summary>
        private static ExpressionSyntax? Build(SyntaxNode comparison, Plan plan, Names names)
        {
            if (!TryGetOperands(comparison, plan, out var first, out var second))
            {
                return null;
            }

            var firstBytes = ToBytes(first, plan.First, plan.IgnoreCase, names.Encoding);
            var secondBytes = ToBytes(second, plan.Second, plan.IgnoreCase, names.Encoding);
            if (firstBytes == null || secondBytes == null)
            {
                return null;
            }

            ExpressionSyntax call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(names.CryptographicOperations),
                    SyntaxFactory.IdentifierName("FixedTimeEquals")),
                Arguments(firstBytes, secondBytes));
            if (plan.Negate)
            {
                call = SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, call);
            }

            return call.WithTriviaFrom(comparison);
        }

        private static bool TryGetOperands(SyntaxNode comparison, Plan plan, out ExpressionSyntax first, out ExpressionSyntax second)
        {
            first = second = null!;
            var node = comparison;
            if (plan.Shape == ComparisonShape.CompareStatic || plan.Shape == ComparisonShape.CompareInstance)
            {
                if (!(node is BinaryExpressionSyntax binary))
                {
                    return false;
                }

                node = WithoutParentheses(plan.CallOnLeft ? binary.Left : binary.Right);
            }

            switch (plan.Shape)
            {
                case ComparisonShape.Binary:
                    if (node is BinaryExpressionSyntax binary)
                    {
                        first = binary.Left;
                        second = binary.Right;
                        return true;
                    }

                    return false;
                case ComparisonShape.StaticCall:
                case ComparisonShape.CompareStatic:
                    if (node is InvocationExpressionSyntax { ArgumentList: { Arguments: { Count: >= 2 } arguments } })
                    {
                        first = arguments[0].Expression;
                        second = arguments[1].Expression;
                        return true;
                    }

                    return false;
                case ComparisonShape.InstanceCall:
                case ComparisonShape.CompareInstance:
                    if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList: { Arguments: { Count: >= 1 } receiverArguments } })
                    {
                        first = access.Expression;
                        second = receiverArguments[0].Expression;
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>An expression of a type that converts to <c>ReadOnlySpan&lt;byte&gt;</c>, made from <paramref name="operand"/>.</summary>
        private static ExpressionSyntax? ToBytes(ExpressionSyntax operand, OperandKind kind, bool ignoreCase, string encoding)
        {
            operand = operand.WithoutTrivia();
            ExpressionSyntax text;
            switch (kind)
            {
                case OperandKind.Bytes:
                    return operand;
                case OperandKind.ByteMemory:
                    return Member(operand, "Span");
                case OperandKind.String:
                    text = operand;
                    break;
                case OperandKind.Chars:
                    text = ignoreCase
                        ? SyntaxFactory.ObjectCreationExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)).WithTrailingTrivia(), Arguments(operand), null)
                            .WithNewKeyword(SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                        : operand;
                    break;
                case OperandKind.CharSpan:
                case OperandKind.StringValues:
                    text = Call(operand, "ToString");
                    break;
                default:
                    return null;
            }

            if (ignoreCase)
            {
                text = Call(text, "ToLowerInvariant");
            }

            var utf8 = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseExpression(encoding),
                SyntaxFactory.IdentifierName("UTF8"));
            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, utf8, SyntaxFactory.IdentifierName("GetBytes")),
                Arguments(text));
        }

        private static ExpressionSyntax Call(ExpressionSyntax receiver, string method)
            => SyntaxFactory.InvocationExpression(Member(receiver, method), SyntaxFactory.ArgumentList());

        private static ExpressionSyntax Member(ExpressionSyntax receiver, string name)
            => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AsReceiver(receiver), SyntaxFactory.IdentifierName(name));

        /// <summary>Parenthesizes an expression that cannot be followed by <c>.Member</c> as it is (<c>a + b</c>, <c>x ?? y</c>, <c>await t</c>, <c>a?.b</c>).</summary>
        private static ExpressionSyntax AsReceiver(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case IdentifierNameSyntax _:
                case GenericNameSyntax _:
                case MemberAccessExpressionSyntax _:
                case InvocationExpressionSyntax _:
                case ElementAccessExpressionSyntax _:
                case ParenthesizedExpressionSyntax _:
                case LiteralExpressionSyntax _:
                case ThisExpressionSyntax _:
                case BaseExpressionSyntax _:
                case PredefinedTypeSyntax _:
                case InterpolatedStringExpressionSyntax _:
                    return expression;
                default:
                    return SyntaxFactory.ParenthesizedExpression(expression);
            }
        }

        private static ArgumentListSyntax Arguments(params ExpressionSyntax[] expressions)
        {
            var arguments = new ArgumentSyntax[expressions.Length];
            var separators = new SyntaxToken[Math.Max(0, expressions.Length - 1)];
            for (var i = 0; i < expressions.Length; i++)
            {
                arguments[i] = SyntaxFactory.Argument(expressions[i]);
                if (i > 0)
                {
                    separators[i - 1] = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
                }
            }

            return SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments, separators));
        }
    }
}
