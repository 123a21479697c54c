# Event names are choices now (referrals.models.EventName): state only, no table change.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referrals', '0006_directory_and_accounts_apps'),
    ]

    operations = [
        migrations.AlterField(
            model_name='referralevent',
            name='name',
            field=models.CharField(choices=[('create', 'verwijzing opgesteld'), ('send', 'verstuurd'), ('accept', 'aangenomen'), ('decline', 'afgewezen'), ('withdraw', 'ingetrokken'), ('assign', 'toegewezen'), ('record_first_contact', 'eerste contact'), ('forward', 'doorverwezen'), ('hand_over', 'warm overgedragen'), ('close', 'afgesloten'), ('reopen', 'heropend'), ('stop', 'gestopt')], max_length=30),
        ),
    ]
