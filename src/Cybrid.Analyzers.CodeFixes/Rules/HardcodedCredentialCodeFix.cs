using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Internal;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace Cybrid.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// CYB0001: replaces a hard-coded credential with a read from configuration — <c>configuration["Cybrid:&lt;Name&gt;"]</c>
    /// when an <c>IConfiguration</c> field, property or parameter is in scope, else
    /// <c>Environment.GetEnvironmentVariable("CYBRID_&lt;NAME&gt;")</c> — with <c>?? throw new InvalidOperationException(…)</c>
    /// where the target does not accept null. A <c>const</c> becomes <c>static readonly</c> (a local constant a plain
    /// local) unless one of its uses needs a constant. Fix All collects every edit of the scope first, so several
    /// diagnostics that lead to one constant rewrite it once.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFix)), Shared]
    public sealed class HardcodedCredentialCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.HardcodedCredential + ".ReadFromConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardcodedCredential);

        public override FixAllProvider GetFixAllProvider() => ReadFromConfigurationFixAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var plan = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan == null)
                {
                    continue;
                }

                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => ApplyAsync(solution, new[] { plan }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>What to do with a literal that is the <c>??</c> fallback of a read of configuration.</summary>
        private enum Fallback
        {
            /// <summary>Not a fallback: replace the literal with a read.</summary>
            None,

            /// <summary>The target needs a value: <c>configuration["X"] ?? throw new InvalidOperationException(…)</c>.</summary>
            Throw,

            /// <summary>The target accepts null: keep only the read on the left.</summary>
            Remove,
        }

        /// <summary>One edit: what to replace, in which document, with which read.</summary>
        private sealed class Plan
        {
            public Plan(Document document, SyntaxNode target, string shape, string setting, bool acceptsNull, string? prefix, string? configurationMember, Fallback fallback = Fallback.None)
            {
                FallbackMode = fallback;
                Document = document;
                Target = target;
                Shape = shape;
                Setting = setting;
                AcceptsNull = acceptsNull;
                Prefix = prefix;
                ConfigurationMember = configurationMember;
            }

            public Document Document { get; }

            /// <summary>The expression to replace, or the declaration of a constant.</summary>
            public SyntaxNode Target { get; }

            public string Shape { get; }

            public string Setting { get; }

            public bool AcceptsNull { get; }

            public string? Prefix { get; }

            /// <summary>The name of the <c>IConfiguration</c> in scope, or null to read an environment variable.</summary>
            public string? ConfigurationMember { get; }

            public Fallback FallbackMode { get; }

            public string Title
            {
                get
                {
                    if (FallbackMode == Fallback.Throw)
                    {
                        return "Throw when the setting is missing instead of using a hard-coded fallback";
                    }

                    if (FallbackMode == Fallback.Remove)
                    {
                        return "Remove the hard-coded fallback";
                    }

                    var read = ConfigurationMember != null
                        ? "Read " + ConfigurationMember + "[\"" + CredentialPatterns.ConfigurationKey(Setting) + "\"]"
                        : "Read environment variable " + CredentialPatterns.EnvironmentVariableName(Setting);
                    return Target is ExpressionSyntax ? read : read + " (the constant becomes static readonly)";
                }
            }
        }

        private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(HardcodedCredentialAnalyzer.ShapeProperty, out var shape) || shape == null
                || !properties.TryGetValue(HardcodedCredentialAnalyzer.SettingProperty, out var setting) || setting == null)
            {
                return null;
            }

            properties.TryGetValue(HardcodedCredentialAnalyzer.PrefixProperty, out var prefix);
            var acceptsNull = properties.TryGetValue(HardcodedCredentialAnalyzer.NullableProperty, out var nullable) && nullable == "true";
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (shape)
            {
                case HardcodedCredentialAnalyzer.ShapeString:
                case HardcodedCredentialAnalyzer.ShapePrefixed:
                case HardcodedCredentialAnalyzer.ShapeUtf8:
                case HardcodedCredentialAnalyzer.ShapeBytes:
                    if (!(node is ExpressionSyntax expression) || IsInExpressionTree(model, expression, cancellationToken))
                    {
                        return null;
                    }

                    var member = FindConfiguration(model, expression, ScopeOf(expression), cancellationToken);
                    if (shape == HardcodedCredentialAnalyzer.ShapeString
                        && expression.Parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Right == expression
                        && IsSettingRead(model, coalesce.Left, cancellationToken))
                    {
                        // settings["Cybrid:ClientSecret"] ?? "s3cr3t": the read is there already; drop the hard-coded fallback
                        return acceptsNull
                            ? new Plan(document, coalesce, shape, setting, acceptsNull, prefix, member, Fallback.Remove)
                            : new Plan(document, expression, shape, setting, acceptsNull, prefix, member, Fallback.Throw);
                    }

                    return new Plan(document, expression, shape, setting, acceptsNull, prefix, member);
                case HardcodedCredentialAnalyzer.ShapeConstant:
                    var declarator = node.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
                    var declared = declarator == null ? null : model.GetDeclaredSymbol(declarator, cancellationToken);
                    return declared == null ? null : await PlanConstantAsync(document.Project.Solution, declared, setting, cancellationToken).ConfigureAwait(false);
                case HardcodedCredentialAnalyzer.ShapeConstantUse:
                    var used = model.GetSymbolInfo(node, cancellationToken).Symbol;
                    return used is IFieldSymbol { IsConst: true } || used is ILocalSymbol { IsConst: true }
                        ? await PlanConstantAsync(document.Project.Solution, used, setting, cancellationToken).ConfigureAwait(false)
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A constant can become <c>static readonly</c> (a local constant a plain local) when it is declared alone and no
        /// use of it needs a constant, and no static initializer before it reads it (it would read null).
        /// </summary>
        private static async Task<Plan?> PlanConstantAsync(Solution solution, ISymbol constant, string setting, CancellationToken cancellationToken)
        {
            if (constant.DeclaringSyntaxReferences.Length != 1
                || !(await constant.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is VariableDeclaratorSyntax declarator)
                || !(declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration)
                || !(declaration.Parent is FieldDeclarationSyntax || declaration.Parent is LocalDeclarationStatementSyntax))
            {
                return null;
            }

            var document = solution.GetDocument(declarator.SyntaxTree);
            var model = document == null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document == null || model == null)
            {
                return null;
            }

            foreach (var reference in await SymbolFinder.FindReferencesAsync(constant, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var use = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (use == null || NeedsConstant(use) || ReadBeforeInitialized(use, declarator))
                    {
                        return null;
                    }
                }
            }

            var scope = declaration.Parent is FieldDeclarationSyntax ? Scope.StaticField : ScopeOf(declarator);
            var member = FindConfiguration(model, declarator, scope, cancellationToken);
            return new Plan(document, declaration.Parent, HardcodedCredentialAnalyzer.ShapeConstant, setting, acceptsNull: false, prefix: null, member);
        }

        // ---- applying -----------------------------------------------------------------------------------------

        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
        {
            var byDocument = new Dictionary<DocumentId, List<Plan>>();
            foreach (var plan in plans)
            {
                if (!byDocument.TryGetValue(plan.Document.Id, out var list))
                {
                    byDocument.Add(plan.Document.Id, list = new List<Plan>());
                }

                list.Add(plan);
            }

            foreach (var entry in byDocument)
            {
                var document = solution.GetDocument(entry.Key);
                if (document == null)
                {
                    continue;
                }

                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                var done = new HashSet<TextSpan>();
                foreach (var plan in entry.Value)
                {
                    var target = Relocate(editor.OriginalRoot, plan.Target);
                    if (target == null || !done.Add(target.Span))
                    {
                        continue; // several uses of one constant lead to one declaration
                    }

                    var current = plan;
                    var types = new FixTypes(editor.SemanticModel, target.SpanStart);
                    editor.ReplaceNode(target, (node, generator) => Rewrite(node, current, generator, types));
                }

                solution = solution.WithDocumentSyntaxRoot(entry.Key, editor.GetChangedRoot());
            }

            return solution;
        }

        /// <summary>The node of <paramref name="root"/> with the span and kind of <paramref name="target"/> (plans may hold nodes of another snapshot of the tree).</summary>
        private static SyntaxNode? Relocate(SyntaxNode root, SyntaxNode target)
        {
            if (target.SyntaxTree == root.SyntaxTree)
            {
                return target;
            }

            if (!root.FullSpan.Contains(target.Span))
            {
                return null;
            }

            for (SyntaxNode? node = root.FindNode(target.Span, getInnermostNodeForTie: true); node != null && node.Span == target.Span; node = node.Parent)
            {
                if (node.RawKind == target.RawKind)
                {
                    return node;
                }
            }

            return null;
        }

        private static SyntaxNode Rewrite(SyntaxNode node, Plan plan, SyntaxGenerator generator, FixTypes types)
        {
            if (plan.FallbackMode == Fallback.Remove && node is BinaryExpressionSyntax coalesce)
            {
                return coalesce.Left.WithTriviaFrom(coalesce);
            }

            if (plan.FallbackMode == Fallback.Throw)
            {
                return ThrowMissing(plan, generator, types).WithTriviaFrom(node);
            }

            var read = Read(plan, generator, types);
            switch (node)
            {
                case FieldDeclarationSyntax field:
                    var fieldDeclarator = field.Declaration.Variables[0];
                    var newField = field
                        .WithModifiers(ConstToStaticReadonly(field.Modifiers))
                        .WithDeclaration(field.Declaration.WithVariables(SyntaxFactory.SingletonSeparatedList(
                            fieldDeclarator.WithInitializer(fieldDeclarator.Initializer!.WithValue(read.WithTriviaFrom(fieldDeclarator.Initializer.Value))))));
                    return newField;
                case LocalDeclarationStatementSyntax local:
                    var localDeclarator = local.Declaration.Variables[0];
                    var constToken = local.Modifiers.Count > 0 ? local.Modifiers[0] : default;
                    var withoutConst = local.WithModifiers(RemoveConst(local.Modifiers));
                    var type = withoutConst.Declaration.Type;
                    if (constToken != default && withoutConst.Modifiers.Count == 0)
                    {
                        type = type.WithLeadingTrivia(constToken.LeadingTrivia);
                    }

                    return withoutConst.WithDeclaration(withoutConst.Declaration.WithType(type).WithVariables(SyntaxFactory.SingletonSeparatedList(
                        localDeclarator.WithInitializer(localDeclarator.Initializer!.WithValue(read.WithTriviaFrom(localDeclarator.Initializer.Value))))));
                case ExpressionSyntax expression:
                    ExpressionSyntax replacement;
                    switch (plan.Shape)
                    {
                        case HardcodedCredentialAnalyzer.ShapePrefixed:
                            replacement = SyntaxFactory.BinaryExpression(
                                SyntaxKind.AddExpression,
                                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(plan.Prefix ?? string.Empty)),
                                Parenthesize(read));
                            break;
                        case HardcodedCredentialAnalyzer.ShapeUtf8:
                            replacement = (ExpressionSyntax)generator.InvocationExpression(
                                generator.MemberAccessExpression(generator.MemberAccessExpression(StaticReceiver(generator, types, types.Encoding, "System.Text.Encoding"), "UTF8"), "GetBytes"),
                                read);
                            break;
                        case HardcodedCredentialAnalyzer.ShapeBytes:
                            replacement = (ExpressionSyntax)generator.InvocationExpression(
                                generator.MemberAccessExpression(StaticReceiver(generator, types, types.Convert, "System.Convert"), "FromBase64String"),
                                read);
                            break;
                        default:
                            replacement = NeedsParentheses(expression) ? Parenthesize(read) : read;
                            break;
                    }

                    return replacement.WithTriviaFrom(expression).WithAdditionalAnnotations(Formatter.Annotation);
                default:
                    return node;
            }
        }

        /// <summary><c>configuration["Cybrid:X"]</c> or <c>Environment.GetEnvironmentVariable("CYBRID_X")</c>, with <c>?? throw</c> unless null is accepted.</summary>
        private static ExpressionSyntax Read(Plan plan, SyntaxGenerator generator, FixTypes types)
        {
            string what;
            ExpressionSyntax read;
            if (plan.ConfigurationMember != null)
            {
                what = CredentialPatterns.ConfigurationKey(plan.Setting);
                read = SyntaxFactory.ElementAccessExpression(
                    SyntaxFactory.IdentifierName(plan.ConfigurationMember),
                    SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StringLiteral(what)))));
            }
            else
            {
                what = CredentialPatterns.EnvironmentVariableName(plan.Setting);
                read = (ExpressionSyntax)generator.InvocationExpression(
                    generator.MemberAccessExpression(StaticReceiver(generator, types, types.Environment, "System.Environment"), "GetEnvironmentVariable"),
                    StringLiteral(what));
            }

            return plan.AcceptsNull ? read : SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, ThrowMissing(plan, generator, types));
        }

        /// <summary><c>throw new InvalidOperationException("CYBRID_X is not set")</c> (or <c>"Cybrid:X is not set"</c>).</summary>
        private static ThrowExpressionSyntax ThrowMissing(Plan plan, SyntaxGenerator generator, FixTypes types)
        {
            var what = plan.ConfigurationMember != null
                ? CredentialPatterns.ConfigurationKey(plan.Setting)
                : CredentialPatterns.EnvironmentVariableName(plan.Setting);
            var exception = (ExpressionSyntax)generator.ObjectCreationExpression(
                TypeName(generator, types.InvalidOperationException, "System.InvalidOperationException"),
                StringLiteral(what + " is not set"));
            return SyntaxFactory.ThrowExpression(exception);
        }

        /// <summary>
        /// A read of a setting: an <c>IConfiguration</c> indexer, <c>IConfigurationSection.Value</c>,
        /// <c>GetValue</c>/<c>GetConnectionString</c>, or <c>Environment.GetEnvironmentVariable</c>.
        /// </summary>
        private static bool IsSettingRead(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var configuration = WellKnownTypes.GetOrCreate(model.Compilation).Get(WellKnownTypeNames.IConfiguration);
            switch (model.GetSymbolInfo(expression, cancellationToken).Symbol)
            {
                case IPropertySymbol property when configuration != null && (property.IsIndexer || property.Name == "Value"):
                    return IsConfiguration(property.ContainingType, configuration);
                case IMethodSymbol { Name: "GetEnvironmentVariable", ContainingType: { Name: "Environment", ContainingNamespace.Name: "System" } }:
                    return true;
                case IMethodSymbol { Name: "GetValue" or "GetConnectionString", IsExtensionMethod: true } method when configuration != null:
                    var receiver = method.ReducedFrom?.Parameters[0].Type ?? method.Parameters[0].Type;
                    return IsConfiguration(receiver, configuration);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The receiver of a static call: the type, which the cleanup shortens to <c>Environment</c> (importing
        /// <c>System</c>); or, where another symbol named <c>Environment</c> hides it, <c>System.Environment</c> written as
        /// the member-access chain the parser reads back.
        /// </summary>
        private static SyntaxNode StaticReceiver(SyntaxGenerator generator, FixTypes types, INamedTypeSymbol? type, string fullName)
        {
            if (type == null || types.IsHidden(type))
            {
                return SyntaxFactory.ParseExpression((types.IsSystemHidden ? "global::" : string.Empty) + fullName);
            }

            return TypeName(generator, type, fullName);
        }

        private static SyntaxNode TypeName(SyntaxGenerator generator, INamedTypeSymbol? type, string fallback)
            => type != null
                ? generator.TypeExpression(type).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation, Simplifier.Annotation)
                : SyntaxFactory.ParseName("global::" + fallback).WithAdditionalAnnotations(Simplifier.Annotation);

        private static LiteralExpressionSyntax StringLiteral(string text)
            => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
            => expression is BinaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(expression) : expression;

        /// <summary>A <c>??</c> put where the literal was needs parentheses unless it stands alone (argument, initializer, assignment, return, …).</summary>
        private static bool NeedsParentheses(ExpressionSyntax expression)
        {
            switch (expression.Parent)
            {
                case ArgumentSyntax:
                case EqualsValueClauseSyntax:
                case ReturnStatementSyntax:
                case ArrowExpressionClauseSyntax:
                case AnonymousObjectMemberDeclaratorSyntax:
                case InitializerExpressionSyntax:
                case ParenthesizedExpressionSyntax:
                case ExpressionStatementSyntax:
                    return false;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Right != expression;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    return coalesce.Right != expression;
                default:
                    return true;
            }
        }

        private static SyntaxTokenList ConstToStaticReadonly(SyntaxTokenList modifiers)
        {
            var result = new List<SyntaxToken>();
            foreach (var modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.ConstKeyword))
                {
                    result.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                    result.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, modifier.TrailingTrivia));
                }
                else
                {
                    result.Add(modifier);
                }
            }

            return SyntaxFactory.TokenList(result);
        }

        private static SyntaxTokenList RemoveConst(SyntaxTokenList modifiers)
        {
            var result = new List<SyntaxToken>();
            foreach (var modifier in modifiers)
            {
                if (!modifier.IsKind(SyntaxKind.ConstKeyword))
                {
                    result.Add(modifier);
                }
            }

            return SyntaxFactory.TokenList(result);
        }

        // ---- where a constant cannot become a field read at run time ----------------------------------------

        /// <summary>True when the use sits where C# requires a constant: attribute argument, parameter default, case label or constant pattern, another constant's initializer.</summary>
        private static bool NeedsConstant(SyntaxNode use)
        {
            for (var node = use; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case AttributeArgumentSyntax:
                    case ParameterSyntax:
                    case CaseSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                    case RelationalPatternSyntax:
                    case EnumMemberDeclarationSyntax:
                        return true;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.IsExpression) && binary.Right.Span.Contains(use.Span):
                        return true;
                    case VariableDeclaratorSyntax declarator:
                        if (declarator.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                        {
                            return true;
                        }

                        if (declarator.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst)
                        {
                            return true;
                        }

                        break;
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>A static initializer earlier in the same file reads the constant: as a static readonly field it would still be null there.</summary>
        private static bool ReadBeforeInitialized(SyntaxNode use, VariableDeclaratorSyntax declarator)
        {
            if (use.SyntaxTree != declarator.SyntaxTree || use.SpanStart >= declarator.SpanStart || use.FirstAncestorOrSelf<EqualsValueClauseSyntax>() == null)
            {
                return false;
            }

            var member = use.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return (member is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.StaticKeyword))
                   || (member is PropertyDeclarationSyntax property && property.Modifiers.Any(SyntaxKind.StaticKeyword));
        }

        private static bool IsInExpressionTree(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is LambdaExpressionSyntax lambda)
                {
                    var converted = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
                    if (converted is INamedTypeSymbol { Name: "Expression", ContainingNamespace.Name: "Expressions" })
                    {
                        return true;
                    }
                }
                else if (current is MemberDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        // ---- finding an IConfiguration in scope -------------------------------------------------------------

        /// <summary>What the code at a position may read.</summary>
        private enum Scope
        {
            /// <summary>A method, constructor or accessor of an instance: parameters, instance and static members.</summary>
            Instance,

            /// <summary>A static method or top-level code: parameters and static members.</summary>
            Static,

            /// <summary>An instance field or property initializer: static members and primary-constructor parameters.</summary>
            InstanceInitializer,

            /// <summary>A static field initializer: static members only.</summary>
            StaticField,
        }

        private static Scope ScopeOf(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax lambda when lambda.Modifiers.Any(SyntaxKind.StaticKeyword):
                    case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return Scope.Static;
                    case EqualsValueClauseSyntax when current.Parent is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field }:
                        return field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword) ? Scope.StaticField : Scope.InstanceInitializer;
                    case EqualsValueClauseSyntax when current.Parent is PropertyDeclarationSyntax property:
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword) ? Scope.StaticField : Scope.InstanceInitializer;
                    case GlobalStatementSyntax:
                        return Scope.Static;
                    case AccessorDeclarationSyntax when current.Parent?.Parent is BasePropertyDeclarationSyntax owner:
                        return owner.Modifiers.Any(SyntaxKind.StaticKeyword) ? Scope.Static : Scope.Instance;
                    case BaseMethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.StaticKeyword) ? Scope.Static : Scope.Instance;
                    case BasePropertyDeclarationSyntax property:
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword) ? Scope.Static : Scope.Instance;
                    case BaseTypeDeclarationSyntax:
                        return Scope.StaticField;
                }
            }

            return Scope.Static;
        }

        /// <summary>The name of an <c>IConfiguration</c> parameter, field or property the code at <paramref name="node"/> can read (in that order of preference).</summary>
        private static string? FindConfiguration(SemanticModel model, SyntaxNode node, Scope scope, CancellationToken cancellationToken)
        {
            var configuration = WellKnownTypes.GetOrCreate(model.Compilation).Get(WellKnownTypeNames.IConfiguration);
            if (configuration == null)
            {
                return null;
            }

            ISymbol? best = null;
            var bestRank = int.MaxValue;
            foreach (var symbol in model.LookupSymbols(node.SpanStart))
            {
                cancellationToken.ThrowIfCancellationRequested();
                int rank;
                ITypeSymbol type;
                switch (symbol)
                {
                    case IParameterSymbol parameter when scope != Scope.StaticField
                                                         && (scope != Scope.InstanceInitializer || parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor }):
                        rank = 0;
                        type = parameter.Type;
                        break;
                    case IFieldSymbol field when !field.IsConst && (field.IsStatic || scope == Scope.Instance):
                        rank = 1;
                        type = field.Type;
                        break;
                    case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null && (property.IsStatic || scope == Scope.Instance):
                        rank = 2;
                        type = property.Type;
                        break;
                    default:
                        continue;
                }

                if (!IsConfiguration(type, configuration) || !model.IsAccessible(node.SpanStart, symbol))
                {
                    continue;
                }

                if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, best!.Name) < 0))
                {
                    best = symbol;
                    bestRank = rank;
                }
            }

            return best?.Name;
        }

        private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configuration)
        {
            if (SymbolEqualityComparer.Default.Equals(type, configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, configuration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The framework types the fix names, and what their simple names mean at the edited position.</summary>
        private sealed class FixTypes
        {
            private readonly SemanticModel _model;
            private readonly int _position;

            public FixTypes(SemanticModel model, int position)
            {
                _model = model;
                _position = position;
                var compilation = model.Compilation;
                var types = WellKnownTypes.GetOrCreate(compilation);
                Environment = types.Get(WellKnownTypeNames.Environment);
                Encoding = types.Get(WellKnownTypeNames.Encoding);
                Convert = types.Get(WellKnownTypeNames.Convert);
                InvalidOperationException = WellKnownTypes.GetOrCreate(compilation).Get(WellKnownTypeNames.InvalidOperationException);
                foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "System"))
                {
                    IsSystemHidden |= !(symbol is INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true });
                }
            }

            /// <summary>Something other than the <c>System</c> namespace answers to <c>System</c> here.</summary>
            public bool IsSystemHidden { get; }

            /// <summary>Another symbol answers to <paramref name="type"/>'s simple name here (a member, a local, another type).</summary>
            public bool IsHidden(INamedTypeSymbol type)
            {
                foreach (var symbol in _model.LookupSymbols(_position, name: type.Name))
                {
                    if (!SymbolEqualityComparer.Default.Equals(symbol, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            public INamedTypeSymbol? Environment { get; }

            public INamedTypeSymbol? Encoding { get; }

            public INamedTypeSymbol? Convert { get; }

            public INamedTypeSymbol? InvalidOperationException { get; }
        }

        /// <summary>Fixes every CYB0001 diagnostic of a document, project or solution in one pass.</summary>
        private sealed class ReadFromConfigurationFixAll : FixAllProvider
        {
            public static readonly ReadFromConfigurationFixAll Instance = new ReadFromConfigurationFixAll();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = new List<(Document Document, Diagnostic Diagnostic)>();
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document != null:
                        await AddAsync(diagnostics, fixAllContext, fixAllContext.Document.Project, fixAllContext.Document).ConfigureAwait(false);
                        break;
                    case FixAllScope.Project:
                        await AddAsync(diagnostics, fixAllContext, fixAllContext.Project, null).ConfigureAwait(false);
                        break;
                    case FixAllScope.Solution:
                        foreach (var project in fixAllContext.Solution.Projects)
                        {
                            await AddAsync(diagnostics, fixAllContext, project, null).ConfigureAwait(false);
                        }

                        break;
                    default:
                        return null;
                }

                if (diagnostics.Count == 0)
                {
                    return null;
                }

                var solution = fixAllContext.Solution;
                return CodeAction.Create(
                    "Read hard-coded Cybrid credentials from configuration",
                    async ct =>
                    {
                        var plans = new List<Plan>();
                        foreach (var (document, diagnostic) in diagnostics)
                        {
                            var plan = await PlanAsync(document, diagnostic, ct).ConfigureAwait(false);
                            if (plan != null)
                            {
                                plans.Add(plan);
                            }
                        }

                        return await ApplyAsync(solution, plans, ct).ConfigureAwait(false);
                    },
                    fixAllContext.CodeActionEquivalenceKey);
            }

            private static async Task AddAsync(List<(Document, Diagnostic)> diagnostics, FixAllContext context, Project project, Document? only)
            {
                var found = only != null
                    ? await context.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var diagnostic in found)
                {
                    var document = diagnostic.Location.IsInSource ? project.GetDocument(diagnostic.Location.SourceTree) : null;
                    if (document != null)
                    {
                        diagnostics.Add((document, diagnostic));
                    }
                }
            }
        }
    }
}
