"""The sample resume shown in the template preview images (``render_template_previews``)."""

SAMPLE_RESUME = {
    "basics": {
        "name": "Alex Novák",
        "label": "Senior backend engineer",
        "email": "alex@example.com",
        "phone": "+420 601 234 567",
        "url": "https://alex.example.com",
        "summary": "Backend engineer with 9 years of experience across 3 jobs and 1 internship. "
        "Strongest skills: Python, Django and PostgreSQL.",
        "location": {"city": "Brno", "countryCode": "CZ"},
        "profiles": [{"network": "GitHub", "username": "alex-novak", "url": "https://github.com/alex-novak"}],
    },
    "work": [
        {
            "name": "Kiwi.com",
            "position": "Senior backend engineer",
            "location": "Brno",
            "startDate": "2021-03",
            "summary": "Search and booking APIs for millions of travellers.",
            "highlights": [
                "Cut p95 latency of itinerary search by 40 %",
                "Led the move from cron jobs to Celery with retries and dashboards",
                "Mentored four junior engineers",
            ],
        },
        {
            "name": "Seznam.cz",
            "position": "Backend developer",
            "location": "Praha",
            "startDate": "2018-01",
            "endDate": "2021-02",
            "summary": "Ad delivery services.",
            "highlights": ["Moved ad serving to Go, halving the server count", "On-call lead for two years"],
        },
        {
            "name": "Яндекс",
            "position": "Software engineer",
            "location": "Москва",
            "startDate": "2016-02",
            "endDate": "2017-12",
            "highlights": ["Built the geosearch ranking pipeline"],
        },
    ],
    "education": [
        {
            "institution": "Masaryk University",
            "area": "Computer Science",
            "studyType": "Master",
            "startDate": "2011-09",
            "endDate": "2016-06",
        }
    ],
    "projects": [
        {
            "name": "Ελληνικά NLP",
            "description": "Open-source tokenizer for Greek text.",
            "keywords": ["Python", "Rust"],
            "startDate": "2022-05",
        }
    ],
    "certificates": [{"name": "Certified Kubernetes Administrator", "issuer": "CNCF", "date": "2023-04"}],
    "skills": [
        {"name": "Backend", "level": "Expert", "keywords": ["Python", "Django", "PostgreSQL", "Go"]},
        {"name": "Operations", "level": "Advanced", "keywords": ["Kubernetes", "Docker", "Terraform"]},
    ],
    "languages": [
        {"language": "Czech", "fluency": "Native speaker"},
        {"language": "English", "fluency": "C1"},
    ],
}
