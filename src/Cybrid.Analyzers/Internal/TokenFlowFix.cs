using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// CYB0002's code-fix plan, computed where the analysis still has the operations: the call that replaces a
    /// privileged token expression — a customer-token source in reach (a member listed in
    /// <c>customer_token_sources</c>, or a method whose name says customer + token and that takes a customer guid),
    /// called with the request's customer guid and, where it takes scopes, the operations' least-privilege scopes.
    /// </summary>
    internal static class TokenFlowFix
    {
        /// <summary>The replacement text, or null when no customer-token source can be called here.</summary>
        public static string? Plan(
            Compilation compilation,
            TokenFlowSession session,
            ISymbol owner,
            IOperation token,
            IReadOnlyList<IOperation?> customerGuids,
            IReadOnlyList<string> scopes,
            out string source)
        {
            source = string.Empty;
            if (token.Type?.SpecialType != SpecialType.System_String || customerGuids.Count == 0)
            {
                return null;
            }

            var guid = ConstantStrings.Unwrap(customerGuids[0]);
            if (guid == null || guid.Type == null)
            {
                return null;
            }

            foreach (var other in customerGuids)
            {
                var unwrapped = ConstantStrings.Unwrap(other);
                if (unwrapped == null || !unwrapped.Syntax.IsEquivalentTo(guid.Syntax, topLevel: false))
                {
                    return null;
                }
            }

            var function = EnclosingFunction(token, owner);
            if (function.Symbol == null || !IsPortable(guid, token, function.IsStatic, 0) || IsInsideLock(token))
            {
                return null;
            }

            var best = default(Candidate);
            foreach (var candidate in Candidates(compilation, session, owner, token, function))
            {
                if (!TryMatch(compilation, candidate.Method, guid.Type, out var customerParameter))
                {
                    continue;
                }

                candidate.CustomerParameter = customerParameter;
                if (best == null || (candidate.Configured && !best.Configured))
                {
                    best = candidate;
                }
            }

            if (best == null)
            {
                return null;
            }

            var method = best.Method;
            var returnsTask = !SymbolEqualityComparer.Default.Equals(TokenFlowFacts.UnwrapTask(method.ReturnType), method.ReturnType);
            if (returnsTask && !function.IsAsync)
            {
                return null;
            }

            var arguments = new StringBuilder();
            var named = false;
            foreach (var parameter in method.Parameters)
            {
                string? value = null;
                if (SymbolEqualityComparer.Default.Equals(parameter, best.CustomerParameter))
                {
                    value = guid.Syntax.ToString();
                }
                else if (IsScopesParameter(parameter))
                {
                    value = ScopesArgument(parameter, scopes);
                    if (value == null && !parameter.IsOptional)
                    {
                        return null;
                    }
                }
                else if (IsCancellationToken(parameter.Type))
                {
                    value = function.CancellationToken ?? (parameter.IsOptional ? null : "default");
                }
                else if (!parameter.IsOptional && !parameter.IsParams)
                {
                    return null;
                }

                if (value == null)
                {
                    named = true;
                    continue;
                }

                if (arguments.Length > 0)
                {
                    arguments.Append(", ");
                }

                if (named && !parameter.IsParams)
                {
                    arguments.Append(parameter.Name).Append(": ");
                }

                arguments.Append(value);
            }

            source = (best.Receiver.Length > 0 ? best.Receiver + "." : string.Empty) + method.Name;
            return (returnsTask ? "await " : string.Empty) + source + "(" + arguments + ")";
        }

        private sealed class Candidate
        {
            public Candidate(IMethodSymbol method, string receiver, bool configured)
            {
                Method = method;
                Receiver = receiver;
                Configured = configured;
            }

            public IMethodSymbol Method { get; }

            /// <summary>Text before the dot (empty for a method of the type itself).</summary>
            public string Receiver { get; }

            public bool Configured { get; }

            public IParameterSymbol? CustomerParameter { get; set; }
        }

        private readonly struct FunctionInfo
        {
            public FunctionInfo(ISymbol? symbol, bool isAsync, bool isStatic, string? cancellationToken, SyntaxNode? syntax)
            {
                Symbol = symbol;
                IsAsync = isAsync;
                IsStatic = isStatic;
                CancellationToken = cancellationToken;
                Syntax = syntax;
            }

            public ISymbol? Symbol { get; }

            public bool IsAsync { get; }

            public bool IsStatic { get; }

            /// <summary>The name of a <c>CancellationToken</c> parameter in scope, if any.</summary>
            public string? CancellationToken { get; }

            public SyntaxNode? Syntax { get; }
        }

        private static FunctionInfo EnclosingFunction(IOperation token, ISymbol owner)
        {
            var root = TokenFlowIndex.FunctionRoot(token);
            IMethodSymbol? method;
            switch (root)
            {
                case IAnonymousFunctionOperation lambda:
                    method = lambda.Symbol;
                    break;
                case ILocalFunctionOperation local:
                    method = local.Symbol;
                    break;
                default:
                    method = owner as IMethodSymbol;
                    break;
            }

            if (method == null)
            {
                return default;
            }

            string? cancellation = null;
            for (ISymbol? current = method; current is IMethodSymbol scope && cancellation == null; current = scope.ContainingSymbol)
            {
                foreach (var parameter in scope.Parameters)
                {
                    if (IsCancellationToken(parameter.Type))
                    {
                        cancellation = parameter.Name;
                        break;
                    }
                }
            }

            var isStatic = owner.IsStatic;
            return new FunctionInfo(method, method.IsAsync, isStatic, cancellation, root.Syntax);
        }

        private static IEnumerable<Candidate> Candidates(Compilation compilation, TokenFlowSession session, ISymbol owner, IOperation token, FunctionInfo function)
        {
            var type = session.Index.Type;
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

            // methods of the type and its bases, called without a receiver
            for (var current = type; current != null && current.SpecialType == SpecialType.None; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol method && IsCallable(method, type, function.IsStatic) && !SymbolEqualityComparer.Default.Equals(method, owner)
                        && seen.Add(method) && Wanted(session, method, out var configured))
                    {
                        yield return new Candidate(method, string.Empty, configured);
                    }
                }
            }

            // methods of the services the type holds (fields and properties) and of the parameters in scope
            foreach (var member in type.GetMembers())
            {
                if ((member is IFieldSymbol { IsImplicitlyDeclared: false } || member is IPropertySymbol { IsIndexer: false }) && (!function.IsStatic || member.IsStatic))
                {
                    var memberType = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
                    foreach (var method in ServiceMethods(memberType, seen))
                    {
                        if (Wanted(session, method, out var configured))
                        {
                            yield return new Candidate(method, member.Name, configured);
                        }
                    }
                }
            }

            for (ISymbol? current = function.Symbol; current is IMethodSymbol scope; current = scope.ContainingSymbol)
            {
                foreach (var parameter in scope.Parameters)
                {
                    foreach (var method in ServiceMethods(parameter.Type, seen))
                    {
                        if (Wanted(session, method, out var configured))
                        {
                            yield return new Candidate(method, parameter.Name, configured);
                        }
                    }
                }
            }

            // static methods listed in customer_token_sources
            foreach (var pattern in session.Options.CustomerTokenSources)
            {
                if (pattern.IsSimple || pattern.AllMembers)
                {
                    continue;
                }

                var dot = pattern.Name.LastIndexOf('.');
                var container = compilation.GetTypeByMetadataName(pattern.Name.Substring(0, dot));
                if (container == null)
                {
                    continue;
                }

                foreach (var member in container.GetMembers(pattern.Name.Substring(dot + 1)))
                {
                    if (member is IMethodSymbol { IsStatic: true } method && seen.Add(method) && compilation.IsSymbolAccessibleWithin(method, type))
                    {
                        yield return new Candidate(method, "global::" + TokenFlowFacts.FullName(container), configured: true);
                    }
                }
            }
        }

        private static IEnumerable<IMethodSymbol> ServiceMethods(ITypeSymbol type, HashSet<ISymbol> seen)
        {
            if (type.SpecialType != SpecialType.None || !(type is INamedTypeSymbol named) || named.TypeKind == TypeKind.Enum || named.TypeKind == TypeKind.Delegate)
            {
                yield break;
            }

            for (ITypeSymbol? current = named; current != null && current.SpecialType == SpecialType.None; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method && seen.Add(method))
                    {
                        yield return method;
                    }
                }
            }

            foreach (var implemented in named.AllInterfaces)
            {
                foreach (var member in implemented.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method && seen.Add(method))
                    {
                        yield return method;
                    }
                }
            }
        }

        private static bool IsCallable(IMethodSymbol method, INamedTypeSymbol from, bool inStaticContext)
        {
            if (method.MethodKind != MethodKind.Ordinary || (inStaticContext && !method.IsStatic))
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(method.ContainingType, from) || method.DeclaredAccessibility != Accessibility.Private;
        }

        /// <summary>Listed in <c>customer_token_sources</c>, or named customer + token.</summary>
        private static bool Wanted(TokenFlowSession session, IMethodSymbol method, out bool configured)
        {
            configured = (session.Options.ConfiguredKind(method, null) & TokenKind.Customer) != 0;
            return configured || TokenFlowFacts.KindFromName(method.Name) == TokenKind.Customer;
        }

        /// <summary>Returns a string (or a task of one) and takes the customer guid as a parameter named like one.</summary>
        private static bool TryMatch(Compilation compilation, IMethodSymbol method, ITypeSymbol guidType, out IParameterSymbol? customerParameter)
        {
            customerParameter = null;
            if (TokenFlowFacts.UnwrapTask(method.ReturnType)?.SpecialType != SpecialType.System_String || method.IsGenericMethod)
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }

                if (customerParameter == null && IdentifierWords.Contains(parameter.Name, "customer")
                    && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "Guid")
                    && compilation.ClassifyCommonConversion(guidType, parameter.Type).IsImplicit)
                {
                    customerParameter = parameter;
                }
            }

            return customerParameter != null;
        }

        private static bool IsScopesParameter(IParameterSymbol parameter) => IdentifierWords.Contains(parameter.Name, "scope");

        /// <summary>The scopes as the parameter takes them: an array, <c>params</c> strings, or one space-separated string.</summary>
        private static string? ScopesArgument(IParameterSymbol parameter, IReadOnlyList<string> scopes)
        {
            if (scopes.Count == 0)
            {
                return null;
            }

            var literals = new StringBuilder();
            foreach (var scope in scopes)
            {
                if (literals.Length > 0)
                {
                    literals.Append(", ");
                }

                literals.Append('"').Append(scope).Append('"');
            }

            var type = parameter.Type;
            if (type.SpecialType == SpecialType.System_String)
            {
                return "\"" + string.Join(" ", scopes) + "\"";
            }

            if (parameter.IsParams)
            {
                return literals.ToString();
            }

            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String })
            {
                return "new[] { " + literals + " }";
            }

            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && generic.TypeArguments[0].SpecialType == SpecialType.System_String
                && TokenFlowFacts.NamespaceIs(generic.ContainingNamespace, "System.Collections.Generic")
                && (generic.Name == "IEnumerable" || generic.Name == "IReadOnlyList" || generic.Name == "IReadOnlyCollection" || generic.Name == "IList" || generic.Name == "ICollection"))
            {
                return "new[] { " + literals + " }";
            }

            return null;
        }

        private static bool IsCancellationToken(ITypeSymbol type) => type.Name == "CancellationToken" && TokenFlowFacts.NamespaceIs(type.ContainingNamespace, "System.Threading");

        /// <summary>
        /// The customer guid expression can be written where the token is: parameters of an enclosing function, locals
        /// declared before it in an enclosing block, members of the type, and property or field reads of those.
        /// </summary>
        private static bool IsPortable(IOperation guid, IOperation token, bool inStaticContext, int depth)
        {
            if (depth > 6)
            {
                return false;
            }

            switch (ConstantStrings.Unwrap(guid))
            {
                case IParameterReferenceOperation parameter:
                    var declaring = parameter.Parameter.ContainingSymbol?.DeclaringSyntaxReferences;
                    if (declaring == null || declaring.Value.IsEmpty)
                    {
                        return false;
                    }

                    foreach (var reference in declaring.Value)
                    {
                        if (reference.SyntaxTree == token.Syntax.SyntaxTree && reference.Span.Contains(token.Syntax.Span))
                        {
                            return true;
                        }
                    }

                    return false;
                case ILocalReferenceOperation local:
                    if (local.Local.DeclaringSyntaxReferences.Length != 1)
                    {
                        return false;
                    }

                    var declarator = local.Local.DeclaringSyntaxReferences[0].GetSyntax();
                    if (declarator.SyntaxTree != token.Syntax.SyntaxTree || declarator.Span.End > token.Syntax.SpanStart)
                    {
                        return false;
                    }

                    var scope = declarator.Parent;
                    while (scope != null && !(scope is BlockSyntax) && !(scope is SwitchSectionSyntax) && !(scope is CompilationUnitSyntax))
                    {
                        scope = scope.Parent;
                    }

                    return scope != null && scope.Span.Contains(token.Syntax.Span) && !(scope is CompilationUnitSyntax && !IsTopLevel(token.Syntax));
                case IFieldReferenceOperation field:
                    return field.Instance == null
                        ? field.Field.IsStatic
                        : field.Instance is IInstanceReferenceOperation ? !inStaticContext : IsPortable(field.Instance, token, inStaticContext, depth + 1);
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    return property.Instance == null
                        ? property.Property.IsStatic
                        : property.Instance is IInstanceReferenceOperation ? !inStaticContext : IsPortable(property.Instance, token, inStaticContext, depth + 1);
                default:
                    return false;
            }
        }

        private static bool IsTopLevel(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInsideLock(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is ILockOperation)
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
