"""City mode (市残联): allocate and distribute the plan, receive and consolidate returns.

Modules, each imported only when needed:
`office` (the city data folder and its key), `trust` (district certificates),
`allocation` (任务分解表 workbook), `plan_package` (signed plan packages, both
sides), `receive` (importing district packages), `consolidate` (totals, the
indicator x district table, completeness), `report` (xlsx and PDF), `dhis2`
(DHIS2 dataValueSets JSON, IHE ADX XML and DHIS2 metadata).
"""

from __future__ import annotations
