/*
| Each module keeps its own routes; this file only brings them together.
*/
import '#shared/routes'
import '#identity/routes'
import '#association/routes'
import '#audit/routes'
import '#members/routes'
import '#members/portal_routes'
import '#newsletters/routes'
import '#dues/routes'
import '#assemblies/routes'
import '#operations/routes'
