import type { SearchHit } from '../../../../shared/history'
import { strings } from '../../i18n'
import { Button } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { Search } from '../../ui/icons'
import { Spinner } from '../../ui/Spinner'

interface SearchResultsProps {
  query: string
  hits: readonly SearchHit[] | null
  /** Why the search failed, in main's words. */
  error: string | null
  onOpen(hit: SearchHit): void
}

/** Hits across every conversation; the matched words are marked with elements, never with HTML strings. */
export function SearchResults({ query, hits, error, onOpen }: SearchResultsProps) {
  if (error)
    return (
      <p className="error" role="alert">
        {strings.history.searchFailed} {error}
      </p>
    )
  if (hits === null)
    return (
      <p className="sidebar-hint" role="status">
        <Spinner /> {strings.history.searching}
      </p>
    )
  if (hits.length === 0)
    return (
      <div role="status" className="sidebar-empty">
        <EmptyState
          icon={<Search aria-hidden />}
          title={strings.history.noResults(query)}
          description={strings.history.noResultsHint}
        />
      </div>
    )
  return (
    <ul className="search-results" aria-label={strings.history.results}>
      {hits.map((hit) => (
        <li key={hit.messageId}>
          <Button variant="ghost" className="hit" onClick={() => onOpen(hit)}>
            <span className="hit-title">{hit.conversationTitle}</span>
            <span className="snippet">
              {hit.snippet.map((segment, index) =>
                segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
              )}
            </span>
          </Button>
        </li>
      ))}
    </ul>
  )
}
