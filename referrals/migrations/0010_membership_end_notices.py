# New kinds of message for memberships that end or wait for a second person (issue 11): choices only, no table change.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0009_once_token'),
    ]

    operations = [
        migrations.AlterField(
            model_name='notification',
            name='kind',
            field=models.CharField(choices=[('new_referral', 'Nieuwe verwijzing'), ('withdrawn', 'Verwijzing ingetrokken'), ('accepted', 'Verwijzing aangenomen'), ('handed_over', 'Warm overgedragen'), ('declined', 'Verwijzing afgewezen'), ('forward_declined', 'Doorverwijzing afgewezen'), ('assigned', 'Aan u toegewezen'), ('first_contact', 'Eerste contact'), ('closed', 'Verwijzing afgesloten'), ('stopped', 'Verwijzing gestopt'), ('consent_expired', 'Toestemming verlopen'), ('returned', 'Verwijzing terug bij de organisatie'), ('regisseur_needed', 'Nieuwe regisseur nodig'), ('membership_confirm', 'Lidmaatschap te bevestigen'), ('other', 'Anders')], default='other', max_length=20),
        ),
        migrations.AlterField(
            model_name='referralevent',
            name='name',
            field=models.CharField(choices=[('create', 'verwijzing opgesteld'), ('send', 'verstuurd'), ('accept', 'aangenomen'), ('decline', 'afgewezen'), ('withdraw', 'ingetrokken'), ('assign', 'toegewezen'), ('record_first_contact', 'eerste contact'), ('forward', 'doorverwezen'), ('hand_over', 'warm overgedragen'), ('close', 'afgesloten'), ('reopen', 'heropend'), ('stop', 'gestopt'), ('returned', 'terug bij de organisatie')], max_length=30),
        ),
    ]
