"""Every paginated list under /api/v1/ reads a fixed number of queries, whatever the number of rows.

The budget per endpoint is exact (``RECIPES``), so one row and fifty rows must cost the same.
"""

import pytest

from .lists import RECIPES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize("endpoint", RECIPES)
def test_list_reads_the_same_queries_for_1_and_50_rows(
    api_client, user, endpoint, rows, django_assert_num_queries
):
    make, queries = RECIPES[endpoint]
    url = make(user, rows)
    assert queries <= 5
    with django_assert_num_queries(queries):
        response = api_client.get(url, {"page_size": 50})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] >= rows and len(body["results"]) == min(body["count"], 50)
